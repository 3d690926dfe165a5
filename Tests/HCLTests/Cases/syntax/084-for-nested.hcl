a = [for xs in xss : [for x in xs : x * 2]]
