locals {
  script = <<'EOF'
#!/bin/sh
echo "shell habits die hard"
EOF
}
