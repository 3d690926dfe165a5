a = "%{ if x }yes%{ else }no%{ endif }"
b = "%{if y}only%{endif}"
