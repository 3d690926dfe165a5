a = [1, "two", true]
