locals {
  cmd = `aws sts get-caller-identity`
}
