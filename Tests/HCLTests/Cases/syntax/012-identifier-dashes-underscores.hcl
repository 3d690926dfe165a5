foo-bar = 1
_baz = 2
q-u_x9 = 3
blk-1 lab-2 {}
