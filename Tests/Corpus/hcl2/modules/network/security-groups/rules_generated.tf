# -----------------------------------------------------------------------------
# GENERATED FILE - produced by tools/sg-export.py from the firewall spreadsheet.
# Do not edit by hand; changes will be overwritten on the next export.
# -----------------------------------------------------------------------------

locals {
  partner_cidrs = [
    "166.172.132.0/24", # partner #1
    "218.76.187.0/24", # partner #2
    "194.188.171.0/24", # partner #3
    "15.118.155.0/24", # partner #4
    "163.63.25.0/24", # partner #5
    "115.183.153.0/24", # partner #6
    "185.43.93.0/24", # partner #7
    "42.15.103.0/24", # partner #8
    "94.1.120.0/24", # partner #9
    "87.154.212.0/24", # partner #10
    "113.107.236.0/24", # partner #11
    "170.191.211.0/24", # partner #12
    "74.28.132.0/24", # partner #13
    "105.142.193.0/24", # partner #14
    "69.111.77.0/24", # partner #15
    "120.28.192.0/24", # partner #16
    "18.168.207.0/24", # partner #17
    "103.48.212.0/24", # partner #18
    "194.225.169.0/24", # partner #19
    "213.30.59.0/24", # partner #20
    "155.92.31.0/24", # partner #21
    "215.148.166.0/24", # partner #22
    "190.106.5.0/24", # partner #23
    "96.8.121.0/24", # partner #24
    "74.184.190.0/24", # partner #25
    "208.218.23.0/24", # partner #26
    "152.74.38.0/24", # partner #27
    "201.129.134.0/24", # partner #28
    "13.232.135.0/24", # partner #29
    "170.69.44.0/24", # partner #30
    "72.160.178.0/24", # partner #31
    "123.239.192.0/24", # partner #32
    "23.39.147.0/24", # partner #33
    "67.80.252.0/24", # partner #34
    "168.210.95.0/24", # partner #35
    "58.145.29.0/24", # partner #36
    "200.26.228.0/24", # partner #37
    "215.171.36.0/24", # partner #38
    "107.190.212.0/24", # partner #39
    "36.147.1.0/24", # partner #40
  ]

  office_cidrs = {
    berlin    = "103.98.85.0/27"
    london    = "48.208.38.64/28"
    paris     = "92.217.141.0/28"
    tokyo     = "21.211.243.128/28"
    new_york  = "195.152.152.0/27"
    sao_paulo = "191.83.45.64/27"
    sydney    = "142.113.88.128/27"
    toronto   = "109.190.98.64/28"
  }
}

# rule 001: requested by payments (SNOW-9463)
resource "aws_vpc_security_group_ingress_rule" "payments_kubelet_001" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[8]
  from_port         = 10250
  to_port           = 10250
  ip_protocol       = "tcp"
  description       = "kubelet for payments (rule 001)"

  tags = {
    Team    = "payments"
    Service = "kubelet"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_rabbitmq_mgmt_002" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.31.55.0/20"
  from_port         = 15672
  to_port           = 15672
  ip_protocol       = "tcp"
  description       = "rabbitmq-mgmt for ml (rule 002)"

  tags = {
    Team    = "ml"
    Service = "rabbitmq-mgmt"
    Expires = "2026-01-01"
  }
}

# rule 003: requested by data (GH-7459)
resource "aws_vpc_security_group_ingress_rule" "data_ntp_003" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[18]
  from_port         = 123
  to_port           = 123
  ip_protocol       = "udp"
  description       = "ntp for data (rule 003)"

  tags = {
    Team    = "data"
    Service = "ntp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ldaps_004" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.50.3.0/20"
  from_port         = 636
  to_port           = 636
  ip_protocol       = "tcp"
  description       = "ldaps for payments (rule 004)"

  tags = {
    Team    = "payments"
    Service = "ldaps"
    Expires = "2026-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_ldap_005" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for platform (rule 005)"

  tags = {
    Team    = "platform"
    Service = "ldap"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_smtp_006" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for identity (rule 006)"

  tags = {
    Team    = "identity"
    Service = "smtp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_kafka_007" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 9092
  to_port           = 9092
  ip_protocol       = "tcp"
  description       = "kafka for growth (rule 007)"

  tags = {
    Team    = "growth"
    Service = "kafka"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_http_008" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  description       = "http for data (rule 008)"

  tags = {
    Team    = "data"
    Service = "http"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_smtp_009" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.158.5.0/24"
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for platform (rule 009)"

  tags = {
    Team    = "platform"
    Service = "smtp"
    Expires = "2024-03-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_postgres_010" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for mobile (rule 010)"

  tags = {
    Team    = "mobile"
    Service = "postgres"
  }
}

# rule 011: requested by data (JIRA-2094)
resource "aws_vpc_security_group_ingress_rule" "data_nats_011" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 4222
  to_port           = 4268
  ip_protocol       = "tcp"
  description       = "nats for data (rule 011)"

  tags = {
    Team    = "data"
    Service = "nats"
    Expires = "2027-06-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_prometheus_012" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 9090
  to_port           = 9090
  ip_protocol       = "tcp"
  description       = "prometheus for search (rule 012)"

  tags = {
    Team    = "search"
    Service = "prometheus"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_clickhouse_013" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 8123
  to_port           = 8123
  ip_protocol       = "tcp"
  description       = "clickhouse for platform (rule 013)"

  tags = {
    Team    = "platform"
    Service = "clickhouse"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_ldap_014" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.paris
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for ml (rule 014)"

  tags = {
    Team    = "ml"
    Service = "ldap"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_smtp_015" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for growth (rule 015)"

  tags = {
    Team    = "growth"
    Service = "smtp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_nats_016" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for platform (rule 016)"

  tags = {
    Team    = "platform"
    Service = "nats"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_vault_017" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[15]
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
  description       = "vault for ml (rule 017)"

  tags = {
    Team    = "ml"
    Service = "vault"
    Expires = "2026-12-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_postgres_018" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for growth (rule 018)"

  tags = {
    Team    = "growth"
    Service = "postgres"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_kubelet_019" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 10250
  to_port           = 10250
  ip_protocol       = "tcp"
  description       = "kubelet for payments (rule 019)"

  tags = {
    Team    = "payments"
    Service = "kubelet"
    Expires = "2025-05-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_vault_020" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
  description       = "vault for payments (rule 020)"

  tags = {
    Team    = "payments"
    Service = "vault"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_nats_021" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for ml (rule 021)"

  tags = {
    Team    = "ml"
    Service = "nats"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_etcd_022" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[26]
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for data (rule 022)"

  tags = {
    Team    = "data"
    Service = "etcd"
    Expires = "2025-09-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_ssh_023" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  description       = "ssh for identity (rule 023)"

  tags = {
    Team    = "identity"
    Service = "ssh"
    Expires = "2026-02-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_minio_024" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.235.168.0/16"
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for payments (rule 024)"

  tags = {
    Team    = "payments"
    Service = "minio"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_vault_025" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
  description       = "vault for identity (rule 025)"

  tags = {
    Team    = "identity"
    Service = "vault"
  }
}

# rule 026: requested by platform (GH-610)
resource "aws_vpc_security_group_ingress_rule" "platform_ntp_026" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 123
  to_port           = 123
  ip_protocol       = "udp"
  description       = "ntp for platform (rule 026)"

  tags = {
    Team    = "platform"
    Service = "ntp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_nats_027" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for payments (rule 027)"

  tags = {
    Team    = "payments"
    Service = "nats"
  }
}

# rule 028: requested by payments (SNOW-118)
resource "aws_vpc_security_group_ingress_rule" "payments_dns_028" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 53
  to_port           = 53
  ip_protocol       = "udp"
  description       = "dns for payments (rule 028)"

  tags = {
    Team    = "payments"
    Service = "dns"
    Expires = "2025-10-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_redis_029" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[29]
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
  description       = "redis for identity (rule 029)"

  tags = {
    Team    = "identity"
    Service = "redis"
    Expires = "2027-01-01"
  }
}

# rule 030: requested by platform (JIRA-3274)
resource "aws_vpc_security_group_ingress_rule" "platform_ssh_030" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[27]
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  description       = "ssh for platform (rule 030)"

  tags = {
    Team    = "platform"
    Service = "ssh"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_memcached_031" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 11211
  to_port           = 11211
  ip_protocol       = "tcp"
  description       = "memcached for mobile (rule 031)"

  tags = {
    Team    = "mobile"
    Service = "memcached"
    Expires = "2026-02-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_minio_032" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for payments (rule 032)"

  tags = {
    Team    = "payments"
    Service = "minio"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_minio_033" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[21]
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for identity (rule 033)"

  tags = {
    Team    = "identity"
    Service = "minio"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_kibana_034" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[2]
  from_port         = 5601
  to_port           = 5601
  ip_protocol       = "tcp"
  description       = "kibana for search (rule 034)"

  tags = {
    Team    = "search"
    Service = "kibana"
    Expires = "2026-04-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_node_exporter_035" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 9100
  to_port           = 9100
  ip_protocol       = "tcp"
  description       = "node-exporter for payments (rule 035)"

  tags = {
    Team    = "payments"
    Service = "node-exporter"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_nomad_036" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[35]
  from_port         = 4646
  to_port           = 4693
  ip_protocol       = "tcp"
  description       = "nomad for identity (rule 036)"

  tags = {
    Team    = "identity"
    Service = "nomad"
    Expires = "2026-03-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ldap_037" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 389
  to_port           = 450
  ip_protocol       = "tcp"
  description       = "ldap for payments (rule 037)"

  tags = {
    Team    = "payments"
    Service = "ldap"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_clickhouse_038" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 8123
  to_port           = 8123
  ip_protocol       = "tcp"
  description       = "clickhouse for search (rule 038)"

  tags = {
    Team    = "search"
    Service = "clickhouse"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_kube_api_039" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[14]
  from_port         = 6443
  to_port           = 6443
  ip_protocol       = "tcp"
  description       = "kube-api for ml (rule 039)"

  tags = {
    Team    = "ml"
    Service = "kube-api"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_https_040" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https for platform (rule 040)"

  tags = {
    Team    = "platform"
    Service = "https"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_kubelet_041" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[30]
  from_port         = 10250
  to_port           = 10250
  ip_protocol       = "tcp"
  description       = "kubelet for mobile (rule 041)"

  tags = {
    Team    = "mobile"
    Service = "kubelet"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_mongodb_042" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 27017
  to_port           = 27017
  ip_protocol       = "tcp"
  description       = "mongodb for growth (rule 042)"

  tags = {
    Team    = "growth"
    Service = "mongodb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_sonarqube_043" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 9000
  to_port           = 9000
  ip_protocol       = "tcp"
  description       = "sonarqube for search (rule 043)"

  tags = {
    Team    = "search"
    Service = "sonarqube"
    Expires = "2026-06-01"
  }
}

# rule 044: requested by identity (GH-9483)
resource "aws_vpc_security_group_ingress_rule" "identity_cassandra_044" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9042
  to_port           = 9042
  ip_protocol       = "tcp"
  description       = "cassandra for identity (rule 044)"

  tags = {
    Team    = "identity"
    Service = "cassandra"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_rabbitmq_045" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5672
  to_port           = 5696
  ip_protocol       = "tcp"
  description       = "rabbitmq for mobile (rule 045)"

  tags = {
    Team    = "mobile"
    Service = "rabbitmq"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_clickhouse_046" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 8123
  to_port           = 8190
  ip_protocol       = "tcp"
  description       = "clickhouse for data (rule 046)"

  tags = {
    Team    = "data"
    Service = "clickhouse"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_zookeeper_047" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 2181
  to_port           = 2273
  ip_protocol       = "tcp"
  description       = "zookeeper for platform (rule 047)"

  tags = {
    Team    = "platform"
    Service = "zookeeper"
    Expires = "2025-12-01"
  }
}

# rule 048: requested by identity (GH-5918)
resource "aws_vpc_security_group_ingress_rule" "identity_cassandra_048" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[11]
  from_port         = 9042
  to_port           = 9042
  ip_protocol       = "tcp"
  description       = "cassandra for identity (rule 048)"

  tags = {
    Team    = "identity"
    Service = "cassandra"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_ssh_049" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.119.61.0/16"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  description       = "ssh for data (rule 049)"

  tags = {
    Team    = "data"
    Service = "ssh"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_memcached_050" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.71.25.0/16"
  from_port         = 11211
  to_port           = 11211
  ip_protocol       = "tcp"
  description       = "memcached for ml (rule 050)"

  tags = {
    Team    = "ml"
    Service = "memcached"
    Expires = "2025-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_https_051" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[37]
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https for ml (rule 051)"

  tags = {
    Team    = "ml"
    Service = "https"
    Expires = "2025-01-01"
  }
}

# rule 052: requested by search (SNOW-1900)
resource "aws_vpc_security_group_ingress_rule" "search_smtp_052" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for search (rule 052)"

  tags = {
    Team    = "search"
    Service = "smtp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_rdp_053" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
  description       = "rdp for identity (rule 053)"

  tags = {
    Team    = "identity"
    Service = "rdp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_mysql_054" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 3306
  to_port           = 3306
  ip_protocol       = "tcp"
  description       = "mysql for platform (rule 054)"

  tags = {
    Team    = "platform"
    Service = "mysql"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_mysql_055" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[22]
  from_port         = 3306
  to_port           = 3306
  ip_protocol       = "tcp"
  description       = "mysql for identity (rule 055)"

  tags = {
    Team    = "identity"
    Service = "mysql"
    Expires = "2025-10-01"
  }
}

# rule 056: requested by platform (JIRA-9641)
resource "aws_vpc_security_group_ingress_rule" "platform_ssh_056" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  description       = "ssh for platform (rule 056)"

  tags = {
    Team    = "platform"
    Service = "ssh"
    Expires = "2024-10-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_jaeger_057" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 16686
  to_port           = 16686
  ip_protocol       = "tcp"
  description       = "jaeger for growth (rule 057)"

  tags = {
    Team    = "growth"
    Service = "jaeger"
    Expires = "2026-05-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_kube_api_058" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[34]
  from_port         = 6443
  to_port           = 6443
  ip_protocol       = "tcp"
  description       = "kube-api for payments (rule 058)"

  tags = {
    Team    = "payments"
    Service = "kube-api"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_ldap_059" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[20]
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for platform (rule 059)"

  tags = {
    Team    = "platform"
    Service = "ldap"
  }
}

# rule 060: requested by ml (SNOW-1428)
resource "aws_vpc_security_group_ingress_rule" "ml_minio_060" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for ml (rule 060)"

  tags = {
    Team    = "ml"
    Service = "minio"
    Expires = "2025-02-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_consul_061" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[4]
  from_port         = 8500
  to_port           = 8571
  ip_protocol       = "tcp"
  description       = "consul for platform (rule 061)"

  tags = {
    Team    = "platform"
    Service = "consul"
    Expires = "2024-12-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_node_exporter_062" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 9100
  to_port           = 9100
  ip_protocol       = "tcp"
  description       = "node-exporter for ml (rule 062)"

  tags = {
    Team    = "ml"
    Service = "node-exporter"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_http_063" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.london
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  description       = "http for data (rule 063)"

  tags = {
    Team    = "data"
    Service = "http"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_jenkins_064" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.paris
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
  description       = "jenkins for identity (rule 064)"

  tags = {
    Team    = "identity"
    Service = "jenkins"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_etcd_065" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for platform (rule 065)"

  tags = {
    Team    = "platform"
    Service = "etcd"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_zookeeper_066" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[33]
  from_port         = 2181
  to_port           = 2181
  ip_protocol       = "tcp"
  description       = "zookeeper for data (rule 066)"

  tags = {
    Team    = "data"
    Service = "zookeeper"
    Expires = "2025-04-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_vault_067" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[20]
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
  description       = "vault for data (rule 067)"

  tags = {
    Team    = "data"
    Service = "vault"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_minio_068" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for platform (rule 068)"

  tags = {
    Team    = "platform"
    Service = "minio"
  }
}

# rule 069: requested by growth (SNOW-269)
resource "aws_vpc_security_group_ingress_rule" "growth_postgres_069" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for growth (rule 069)"

  tags = {
    Team    = "growth"
    Service = "postgres"
    Expires = "2025-01-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_rabbitmq_070" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5672
  to_port           = 5672
  ip_protocol       = "tcp"
  description       = "rabbitmq for payments (rule 070)"

  tags = {
    Team    = "payments"
    Service = "rabbitmq"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_node_exporter_071" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 9100
  to_port           = 9100
  ip_protocol       = "tcp"
  description       = "node-exporter for ml (rule 071)"

  tags = {
    Team    = "ml"
    Service = "node-exporter"
  }
}

# rule 072: requested by ml (SNOW-2928)
resource "aws_vpc_security_group_ingress_rule" "ml_ntp_072" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.paris
  from_port         = 123
  to_port           = 123
  ip_protocol       = "udp"
  description       = "ntp for ml (rule 072)"

  tags = {
    Team    = "ml"
    Service = "ntp"
  }
}

# rule 073: requested by ml (GH-1112)
resource "aws_vpc_security_group_ingress_rule" "ml_nats_073" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for ml (rule 073)"

  tags = {
    Team    = "ml"
    Service = "nats"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_postgres_074" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for search (rule 074)"

  tags = {
    Team    = "search"
    Service = "postgres"
    Expires = "2024-12-01"
  }
}

# rule 075: requested by mobile (SNOW-5899)
resource "aws_vpc_security_group_ingress_rule" "mobile_rdp_075" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
  description       = "rdp for mobile (rule 075)"

  tags = {
    Team    = "mobile"
    Service = "rdp"
    Expires = "2026-12-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_smtp_076" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[16]
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for identity (rule 076)"

  tags = {
    Team    = "identity"
    Service = "smtp"
  }
}

# rule 077: requested by identity (GH-7549)
resource "aws_vpc_security_group_ingress_rule" "identity_smtp_077" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for identity (rule 077)"

  tags = {
    Team    = "identity"
    Service = "smtp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_clickhouse_078" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[27]
  from_port         = 8123
  to_port           = 8123
  ip_protocol       = "tcp"
  description       = "clickhouse for identity (rule 078)"

  tags = {
    Team    = "identity"
    Service = "clickhouse"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_https_079" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[11]
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https for platform (rule 079)"

  tags = {
    Team    = "platform"
    Service = "https"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_https_080" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https for payments (rule 080)"

  tags = {
    Team    = "payments"
    Service = "https"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_kafka_081" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 9092
  to_port           = 9092
  ip_protocol       = "tcp"
  description       = "kafka for ml (rule 081)"

  tags = {
    Team    = "ml"
    Service = "kafka"
  }
}

# rule 082: requested by mobile (SNOW-5301)
resource "aws_vpc_security_group_ingress_rule" "mobile_etcd_082" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.london
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for mobile (rule 082)"

  tags = {
    Team    = "mobile"
    Service = "etcd"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_jenkins_083" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
  description       = "jenkins for platform (rule 083)"

  tags = {
    Team    = "platform"
    Service = "jenkins"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_nomad_084" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.118.56.0/24"
  from_port         = 4646
  to_port           = 4714
  ip_protocol       = "tcp"
  description       = "nomad for data (rule 084)"

  tags = {
    Team    = "data"
    Service = "nomad"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_jaeger_085" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 16686
  to_port           = 16686
  ip_protocol       = "tcp"
  description       = "jaeger for platform (rule 085)"

  tags = {
    Team    = "platform"
    Service = "jaeger"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_http_086" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  description       = "http for data (rule 086)"

  tags = {
    Team    = "data"
    Service = "http"
  }
}

# rule 087: requested by mobile (SNOW-5841)
resource "aws_vpc_security_group_ingress_rule" "mobile_kube_api_087" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 6443
  to_port           = 6443
  ip_protocol       = "tcp"
  description       = "kube-api for mobile (rule 087)"

  tags = {
    Team    = "mobile"
    Service = "kube-api"
    Expires = "2027-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_postgres_088" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for identity (rule 088)"

  tags = {
    Team    = "identity"
    Service = "postgres"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_ldap_089" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for data (rule 089)"

  tags = {
    Team    = "data"
    Service = "ldap"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_etcd_090" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.179.104.0/16"
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for ml (rule 090)"

  tags = {
    Team    = "ml"
    Service = "etcd"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ldaps_091" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.215.14.0/24"
  from_port         = 636
  to_port           = 636
  ip_protocol       = "tcp"
  description       = "ldaps for payments (rule 091)"

  tags = {
    Team    = "payments"
    Service = "ldaps"
    Expires = "2024-09-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_grafana_092" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 3000
  to_port           = 3000
  ip_protocol       = "tcp"
  description       = "grafana for data (rule 092)"

  tags = {
    Team    = "data"
    Service = "grafana"
    Expires = "2025-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_vault_093" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
  description       = "vault for payments (rule 093)"

  tags = {
    Team    = "payments"
    Service = "vault"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_redis_094" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
  description       = "redis for mobile (rule 094)"

  tags = {
    Team    = "mobile"
    Service = "redis"
    Expires = "2027-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_clickhouse_095" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 8123
  to_port           = 8123
  ip_protocol       = "tcp"
  description       = "clickhouse for mobile (rule 095)"

  tags = {
    Team    = "mobile"
    Service = "clickhouse"
  }
}

# rule 096: requested by identity (JIRA-6320)
resource "aws_vpc_security_group_ingress_rule" "identity_kibana_096" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.115.74.0/16"
  from_port         = 5601
  to_port           = 5601
  ip_protocol       = "tcp"
  description       = "kibana for identity (rule 096)"

  tags = {
    Team    = "identity"
    Service = "kibana"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_minio_097" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 9001
  to_port           = 9001
  ip_protocol       = "tcp"
  description       = "minio for data (rule 097)"

  tags = {
    Team    = "data"
    Service = "minio"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_http_098" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[23]
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  description       = "http for payments (rule 098)"

  tags = {
    Team    = "payments"
    Service = "http"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_elasticsearch_099" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.133.231.0/16"
  from_port         = 9200
  to_port           = 9200
  ip_protocol       = "tcp"
  description       = "elasticsearch for search (rule 099)"

  tags = {
    Team    = "search"
    Service = "elasticsearch"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_grafana_100" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.254.2.0/24"
  from_port         = 3000
  to_port           = 3000
  ip_protocol       = "tcp"
  description       = "grafana for growth (rule 100)"

  tags = {
    Team    = "growth"
    Service = "grafana"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_elasticsearch_101" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[39]
  from_port         = 9200
  to_port           = 9200
  ip_protocol       = "tcp"
  description       = "elasticsearch for identity (rule 101)"

  tags = {
    Team    = "identity"
    Service = "elasticsearch"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_dns_102" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 53
  to_port           = 53
  ip_protocol       = "udp"
  description       = "dns for identity (rule 102)"

  tags = {
    Team    = "identity"
    Service = "dns"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_http_103" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.125.40.0/24"
  from_port         = 80
  to_port           = 107
  ip_protocol       = "tcp"
  description       = "http for mobile (rule 103)"

  tags = {
    Team    = "mobile"
    Service = "http"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_node_exporter_104" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9100
  to_port           = 9100
  ip_protocol       = "tcp"
  description       = "node-exporter for growth (rule 104)"

  tags = {
    Team    = "growth"
    Service = "node-exporter"
    Expires = "2025-10-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_zookeeper_105" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[30]
  from_port         = 2181
  to_port           = 2181
  ip_protocol       = "tcp"
  description       = "zookeeper for identity (rule 105)"

  tags = {
    Team    = "identity"
    Service = "zookeeper"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_postgres_106" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for data (rule 106)"

  tags = {
    Team    = "data"
    Service = "postgres"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_ldaps_107" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[1]
  from_port         = 636
  to_port           = 636
  ip_protocol       = "tcp"
  description       = "ldaps for identity (rule 107)"

  tags = {
    Team    = "identity"
    Service = "ldaps"
    Expires = "2025-01-01"
  }
}

# rule 108: requested by identity (JIRA-1000)
resource "aws_vpc_security_group_ingress_rule" "identity_memcached_108" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[7]
  from_port         = 11211
  to_port           = 11211
  ip_protocol       = "tcp"
  description       = "memcached for identity (rule 108)"

  tags = {
    Team    = "identity"
    Service = "memcached"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_dns_109" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.232.254.0/20"
  from_port         = 53
  to_port           = 53
  ip_protocol       = "udp"
  description       = "dns for search (rule 109)"

  tags = {
    Team    = "search"
    Service = "dns"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_smtp_110" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.paris
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for payments (rule 110)"

  tags = {
    Team    = "payments"
    Service = "smtp"
    Expires = "2025-10-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_jenkins_111" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[37]
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
  description       = "jenkins for ml (rule 111)"

  tags = {
    Team    = "ml"
    Service = "jenkins"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_redis_112" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[17]
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
  description       = "redis for mobile (rule 112)"

  tags = {
    Team    = "mobile"
    Service = "redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ssh_113" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  description       = "ssh for payments (rule 113)"

  tags = {
    Team    = "payments"
    Service = "ssh"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_https_114" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https for platform (rule 114)"

  tags = {
    Team    = "platform"
    Service = "https"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_etcd_115" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for data (rule 115)"

  tags = {
    Team    = "data"
    Service = "etcd"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_kibana_116" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[27]
  from_port         = 5601
  to_port           = 5601
  ip_protocol       = "tcp"
  description       = "kibana for ml (rule 116)"

  tags = {
    Team    = "ml"
    Service = "kibana"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_smtp_117" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for mobile (rule 117)"

  tags = {
    Team    = "mobile"
    Service = "smtp"
    Expires = "2027-02-01"
  }
}

# rule 118: requested by identity (JIRA-2838)
resource "aws_vpc_security_group_ingress_rule" "identity_dns_118" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.london
  from_port         = 53
  to_port           = 53
  ip_protocol       = "udp"
  description       = "dns for identity (rule 118)"

  tags = {
    Team    = "identity"
    Service = "dns"
    Expires = "2024-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "growth_kibana_119" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 5601
  to_port           = 5601
  ip_protocol       = "tcp"
  description       = "kibana for growth (rule 119)"

  tags = {
    Team    = "growth"
    Service = "kibana"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_clickhouse_120" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 8123
  to_port           = 8123
  ip_protocol       = "tcp"
  description       = "clickhouse for mobile (rule 120)"

  tags = {
    Team    = "mobile"
    Service = "clickhouse"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_consul_121" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[0]
  from_port         = 8500
  to_port           = 8500
  ip_protocol       = "tcp"
  description       = "consul for ml (rule 121)"

  tags = {
    Team    = "ml"
    Service = "consul"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_smtp_122" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 25
  to_port           = 25
  ip_protocol       = "tcp"
  description       = "smtp for platform (rule 122)"

  tags = {
    Team    = "platform"
    Service = "smtp"
    Expires = "2027-03-01"
  }
}

# rule 123: requested by platform (GH-3203)
resource "aws_vpc_security_group_ingress_rule" "platform_nats_123" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for platform (rule 123)"

  tags = {
    Team    = "platform"
    Service = "nats"
    Expires = "2026-11-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_kubelet_124" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 10250
  to_port           = 10335
  ip_protocol       = "tcp"
  description       = "kubelet for ml (rule 124)"

  tags = {
    Team    = "ml"
    Service = "kubelet"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_rabbitmq_125" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 5672
  to_port           = 5672
  ip_protocol       = "tcp"
  description       = "rabbitmq for ml (rule 125)"

  tags = {
    Team    = "ml"
    Service = "rabbitmq"
  }
}

# rule 126: requested by platform (JIRA-7075)
resource "aws_vpc_security_group_ingress_rule" "platform_jaeger_126" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.173.4.0/24"
  from_port         = 16686
  to_port           = 16686
  ip_protocol       = "tcp"
  description       = "jaeger for platform (rule 126)"

  tags = {
    Team    = "platform"
    Service = "jaeger"
  }
}

resource "aws_vpc_security_group_ingress_rule" "platform_ldaps_127" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 636
  to_port           = 636
  ip_protocol       = "tcp"
  description       = "ldaps for platform (rule 127)"

  tags = {
    Team    = "platform"
    Service = "ldaps"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_postgres_128" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres for identity (rule 128)"

  tags = {
    Team    = "identity"
    Service = "postgres"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_mongodb_129" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.berlin
  from_port         = 27017
  to_port           = 27017
  ip_protocol       = "tcp"
  description       = "mongodb for ml (rule 129)"

  tags = {
    Team    = "ml"
    Service = "mongodb"
    Expires = "2025-09-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_nats_130" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for ml (rule 130)"

  tags = {
    Team    = "ml"
    Service = "nats"
    Expires = "2025-12-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ldaps_131" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.145.234.0/24"
  from_port         = 636
  to_port           = 636
  ip_protocol       = "tcp"
  description       = "ldaps for payments (rule 131)"

  tags = {
    Team    = "payments"
    Service = "ldaps"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_prometheus_132" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 9090
  to_port           = 9090
  ip_protocol       = "tcp"
  description       = "prometheus for data (rule 132)"

  tags = {
    Team    = "data"
    Service = "prometheus"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_rdp_133" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[31]
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
  description       = "rdp for data (rule 133)"

  tags = {
    Team    = "data"
    Service = "rdp"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_elasticsearch_134" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[17]
  from_port         = 9200
  to_port           = 9200
  ip_protocol       = "tcp"
  description       = "elasticsearch for mobile (rule 134)"

  tags = {
    Team    = "mobile"
    Service = "elasticsearch"
    Expires = "2027-04-01"
  }
}

# rule 135: requested by ml (JIRA-9450)
resource "aws_vpc_security_group_ingress_rule" "ml_ldap_135" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.16.151.0/20"
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for ml (rule 135)"

  tags = {
    Team    = "ml"
    Service = "ldap"
  }
}

# rule 136: requested by search (SNOW-3925)
resource "aws_vpc_security_group_ingress_rule" "search_rabbitmq_mgmt_136" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 15672
  to_port           = 15672
  ip_protocol       = "tcp"
  description       = "rabbitmq-mgmt for search (rule 136)"

  tags = {
    Team    = "search"
    Service = "rabbitmq-mgmt"
    Expires = "2024-12-01"
  }
}

# rule 137: requested by identity (SNOW-166)
resource "aws_vpc_security_group_ingress_rule" "identity_vault_137" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.228.142.0/24"
  from_port         = 8200
  to_port           = 8212
  ip_protocol       = "tcp"
  description       = "vault for identity (rule 137)"

  tags = {
    Team    = "identity"
    Service = "vault"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_http_138" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[14]
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  description       = "http for search (rule 138)"

  tags = {
    Team    = "search"
    Service = "http"
    Expires = "2025-10-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "mobile_redis_139" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[18]
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
  description       = "redis for mobile (rule 139)"

  tags = {
    Team    = "mobile"
    Service = "redis"
    Expires = "2026-08-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_kubelet_140" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 10250
  to_port           = 10250
  ip_protocol       = "tcp"
  description       = "kubelet for identity (rule 140)"

  tags = {
    Team    = "identity"
    Service = "kubelet"
  }
}

resource "aws_vpc_security_group_ingress_rule" "search_ldap_141" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.234.90.0/20"
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for search (rule 141)"

  tags = {
    Team    = "search"
    Service = "ldap"
    Expires = "2025-04-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_zookeeper_142" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 2181
  to_port           = 2181
  ip_protocol       = "tcp"
  description       = "zookeeper for payments (rule 142)"

  tags = {
    Team    = "payments"
    Service = "zookeeper"
    Expires = "2027-05-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_zookeeper_143" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[36]
  from_port         = 2181
  to_port           = 2181
  ip_protocol       = "tcp"
  description       = "zookeeper for identity (rule 143)"

  tags = {
    Team    = "identity"
    Service = "zookeeper"
  }
}

resource "aws_vpc_security_group_ingress_rule" "data_sonarqube_144" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.230.206.0/24"
  from_port         = 9000
  to_port           = 9000
  ip_protocol       = "tcp"
  description       = "sonarqube for data (rule 144)"

  tags = {
    Team    = "data"
    Service = "sonarqube"
  }
}

# rule 145: requested by payments (SNOW-929)
resource "aws_vpc_security_group_ingress_rule" "payments_memcached_145" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  from_port         = 11211
  to_port           = 11211
  ip_protocol       = "tcp"
  description       = "memcached for payments (rule 145)"

  tags = {
    Team    = "payments"
    Service = "memcached"
    Expires = "2024-03-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "ml_consul_146" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 8500
  to_port           = 8500
  ip_protocol       = "tcp"
  description       = "consul for ml (rule 146)"

  tags = {
    Team    = "ml"
    Service = "consul"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_etcd_147" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "10.13.227.0/16"
  from_port         = 2379
  to_port           = 2379
  ip_protocol       = "tcp"
  description       = "etcd for payments (rule 147)"

  tags = {
    Team    = "payments"
    Service = "etcd"
    Expires = "2026-11-01"
  }
}

resource "aws_vpc_security_group_ingress_rule" "identity_grafana_148" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.office_cidrs.tokyo
  from_port         = 3000
  to_port           = 3000
  ip_protocol       = "tcp"
  description       = "grafana for identity (rule 148)"

  tags = {
    Team    = "identity"
    Service = "grafana"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_ldap_149" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = local.partner_cidrs[6]
  from_port         = 389
  to_port           = 389
  ip_protocol       = "tcp"
  description       = "ldap for payments (rule 149)"

  tags = {
    Team    = "payments"
    Service = "ldap"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_nats_150" {
  security_group_id = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.alb.id
  from_port         = 4222
  to_port           = 4222
  ip_protocol       = "tcp"
  description       = "nats for payments (rule 150)"

  tags = {
    Team    = "payments"
    Service = "nats"
    Expires = "2026-09-01"
  }
}

resource "aws_vpc_security_group_egress_rule" "egress_postgres" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_mysql" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3306
  to_port           = 3306
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_redis" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_memcached" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 11211
  to_port           = 11211
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_kafka" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9092
  to_port           = 9092
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_zookeeper" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 2181
  to_port           = 2181
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_elasticsearch" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9200
  to_port           = 9200
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_kibana" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5601
  to_port           = 5601
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_grafana" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3000
  to_port           = 3000
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_prometheus" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9090
  to_port           = 9090
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_node_exporter" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9100
  to_port           = 9100
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_consul" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 8500
  to_port           = 8500
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_vault" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 8200
  to_port           = 8200
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_nomad" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 4646
  to_port           = 4646
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_rabbitmq" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 5672
  to_port           = 5672
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_rabbitmq_mgmt" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 15672
  to_port           = 15672
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_mongodb" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 27017
  to_port           = 27017
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_cassandra" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 9042
  to_port           = 9042
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_http" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "egress_https" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
