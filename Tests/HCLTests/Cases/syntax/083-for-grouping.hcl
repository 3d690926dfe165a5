a = {for k, v in m : v => k...}
b = {for x in xs : x.k => x... if x.ok}
