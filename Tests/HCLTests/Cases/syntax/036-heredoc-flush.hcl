a = <<-EOT
    four
  two
      six
    EOT
