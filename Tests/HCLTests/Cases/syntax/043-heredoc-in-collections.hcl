a = [<<EOT
x
EOT
, 1]
b = {
  k = <<EOT
y
EOT
}
