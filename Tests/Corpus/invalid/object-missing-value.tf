locals {
  tags = {
    Name =
    Team = "platform"
  }
}
