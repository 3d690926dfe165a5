a = "n\n r\r t\t q\" b\\"
