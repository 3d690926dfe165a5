locals {
  yaml_doc = yamldecode(file("${path.module}/config.yaml"))
  hosts    = csvdecode(file("${path.module}/hosts.csv"))

  policy = {
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "*", Condition = { NumericLessThan = { "s3:max-keys" = 10 } } },
    ]
  }

  encoding = {
    jsonencode_obj   = jsonencode(local.policy)
    jsonencode_num   = jsonencode([1, 1.5, -0, 1e3, 0.1, 123456789012])
    jsonencode_html  = jsonencode({ html = "<b>&</b>" })
    jsondecode       = jsondecode("{\"a\": [1, 2.50, true, null], \"b\": {\"c\": \"d\"}}")
    yamlencode       = yamlencode({ name = "svc", ports = [80, 443], nested = { on = true } })
    yaml_name        = local.yaml_doc.service.name
    yaml_ports       = local.yaml_doc.service.ports
    yaml_ratio       = local.yaml_doc.service.ratio
    csv_hosts        = local.hosts
    csv_ips          = [for h in local.hosts : h.ip]
    base64gzip_len   = length(base64gzip("hello"))
    filebase64       = filebase64("${path.module}/hosts.csv")
    filemd5          = filemd5("${path.module}/config.yaml")
    fileexists       = fileexists("${path.module}/missing.txt")
    fileset          = fileset(path.module, "*.{yaml,csv}")
  }

  network = {
    cidrsubnet      = cidrsubnet("10.0.0.0/16", 8, 2)
    cidrsubnet_v6   = cidrsubnet("2001:db8::/56", 8, 255)
    cidrsubnets     = cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)
    cidrhost        = cidrhost("10.0.8.0/21", 5)
    cidrhost_neg    = cidrhost("192.168.1.0/24", -2)
    cidrnetmask     = cidrnetmask("172.16.0.0/12")
  }

  numeric = {
    add           = 0.1 + 0.2
    mul           = 1.1 * 3
    div           = 1 / 3
    int_div       = floor(7 / 2)
    ceil          = ceil(4.1)
    floor_neg     = floor(-4.1)
    pow           = pow(2, 10)
    pow_frac      = pow(4, 0.5)
    log           = log(8, 2)
    abs           = abs(-12.5)
    signum        = signum(-3)
    parseint_hex  = parseint("ff", 16)
    parseint_bin  = parseint("1011", 2)
    tonumber      = tonumber("42.50")
    tostring_num  = tostring(42.50)
    tostring_bool = tostring(true)
    tobool        = tobool("true")
    big_int       = 9007199254740993
    big_mul       = 4294967296 * 4294967296
    tiny          = 0.000001
    negative_zero = -0
    exp_literal   = 1.5e3
    mod_negative  = -7 % 3
    max_mixed     = max(1, 2.5, "3")
    string_math   = "10" + 5
    gib           = 1024 * 1024 * 1024
    percent       = format("%.1f%%", 2 / 3 * 100)
    num_to_string = "${1.50}"
    compare       = 10 > 9.99
  }
}

resource "terraform_data" "encoding" {
  input = local.encoding
}

resource "terraform_data" "network" {
  input = local.network
}

resource "terraform_data" "numeric" {
  input = local.numeric
}

output "policy_json" {
  value = local.encoding.jsonencode_obj
}
