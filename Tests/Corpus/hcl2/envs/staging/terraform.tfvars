account_id    = "444444444444"
developer_ips = ["203.0.113.10/32", "198.51.100.0/24"]
db_password   = "Staging-Passw0rd!" # TODO move to SSM
replica_count = 0
