a = "%{ for k, v in m }${k}=${v};%{ endfor }"
b = "%{for x in xs}${x}%{endfor}"
