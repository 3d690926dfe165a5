a = <<EOT
cost $x
ends with $
quote $"
percent %
EOT
