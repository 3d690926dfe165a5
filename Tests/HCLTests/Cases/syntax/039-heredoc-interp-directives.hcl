a = <<EOT
name: ${name}
%{ for x in xs ~}
- ${x}
%{ endfor ~}
%{ if y }yes%{ else }no%{ endif }
EOT
