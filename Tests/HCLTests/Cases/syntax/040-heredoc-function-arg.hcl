a = f(<<EOT
line
EOT
)
b = g(1, <<-X
  y
  X
, 2)
