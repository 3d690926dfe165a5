a = "%{ for x in xs }y"
