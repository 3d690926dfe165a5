a = "ab
cd"
