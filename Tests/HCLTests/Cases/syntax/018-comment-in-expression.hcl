a = 1 + /* c */ 2
b = f(/* none */)
c = (
  1 # one
  + 2
)
