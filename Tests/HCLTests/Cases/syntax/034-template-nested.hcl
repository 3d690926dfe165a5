a = "${"inner ${x}"}"
b = "%{ for x in xs }%{ if x }[${x}]%{ endif }%{ endfor }"
