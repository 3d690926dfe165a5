variable "env" {
  default = 'prod'
}
