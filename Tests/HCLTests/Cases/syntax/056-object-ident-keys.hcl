a = { foo = 1, foo-bar = 2, _x = 3 }
