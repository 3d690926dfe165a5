a	=	1
b = "	tab	in	string	"
# 	comment	with	tabs
c = [	1,	2	]
