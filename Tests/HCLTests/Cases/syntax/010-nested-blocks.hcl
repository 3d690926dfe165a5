outer {
  middle "m" {
    inner {
      x = 1
    }
  }
  y = 2
}
