from_auto_b    = "b.auto.tfvars"
override_order = "b.auto.tfvars"
settings = {
  retention_days = 30
  alarms         = true
  owners         = ["alice", "bob"]
}
