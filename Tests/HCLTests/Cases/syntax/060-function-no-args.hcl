a = f()
b = timestamp( )
