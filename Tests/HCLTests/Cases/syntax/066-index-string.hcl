a = x["k"]
