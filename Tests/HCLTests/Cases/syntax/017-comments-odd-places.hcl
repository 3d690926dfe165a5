b /* x */ "l" /* y */ { # after brace
  // inside
  a = [ # in tuple
    1, // after item
    /* before item */ 2,
  ]
  c = { /* in object */
    k = 1 # x
  }
} // after close
