# Production values. Secrets do NOT go here - use SSM.
account_id  = "111111111111"
region      = "eu-west-1"
domain_name = "acme.example"

vpc_cidr = "10.20.0.0/16"
azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

eks_node_groups = {
  system = {
    instance_types = ["m6i.large"]
    min_size       = 3
    max_size       = 3
    labels         = { "workload" = "system" }
    taints = [
      { key = "CriticalAddonsOnly", value = "true", effect = "NO_SCHEDULE" },
    ]
  }
  general = {
    instance_types = ["m6i.xlarge", "m6a.xlarge", "m5.xlarge"]
    capacity_type  = "SPOT"
    min_size       = 3
    max_size       = 30
    desired_size   = 6
    disk_size      = 100
  }
}

db_instances = {
  writer  = { instance_class = "db.r6g.2xlarge" }
  reader1 = { instance_class = "db.r6g.xlarge", promotion_tier = 1 }
  reader2 = { instance_class = "db.r6g.xlarge", promotion_tier = 2 }
}

alert_emails = [
  "oncall@example.com",
  "platform-alerts@example.com",
]

github_repos = ["infra", "platform-api", "web", "data-pipelines"]

feature_flags = {
  enable_waf       = true
  enable_shield    = false
  enable_guardduty = true
}
