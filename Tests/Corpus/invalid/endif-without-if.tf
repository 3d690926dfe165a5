locals {
  label = "prod%{ endif }"
}
