a = "%{ for x xs }y%{ endfor }"
