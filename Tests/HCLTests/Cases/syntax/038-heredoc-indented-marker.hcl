a = <<EOT
body
   EOT
