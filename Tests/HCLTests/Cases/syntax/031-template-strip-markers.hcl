a = "x ${~ y ~} z"
b = "p ${~q} r"
c = "s %{~ if t ~} u %{~ endif ~} v"
