vpc_id      = "vpc-0a1b2c3d4e5f67890"
subnet_id   = "subnet-0123456789abcdef0"
agent_count = 3
# Ünterföhring office, temporarily
office_cidr = "192.0.2.0/24"
