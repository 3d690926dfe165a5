a = "${x}"
b = "${ var.y }"
