image_tag = "2024.06.01-9ab34cd"

bootstrap_script = <<-EOT
  #!/bin/bash
  # tfvars files cannot interpolate, but escapes of template syntax are still parsed
  echo "node $${HOSTNAME} ready" | systemd-cat -t bootstrap
  sysctl -w vm.max_map_count=262144
EOT
