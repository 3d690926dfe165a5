größe = 1
東京 = 2
café = 3
blöck "ünï" {
  wert = größe
}
