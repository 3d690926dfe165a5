a = <<EOT
"quoted" \n not an escape $${lit}
EOT
