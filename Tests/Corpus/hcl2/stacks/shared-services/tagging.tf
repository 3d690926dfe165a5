variable "org_tags" {
  type    = map(string)
  default = { Org = "acme", CostCenter = "cc-0001" }
}

variable "team_tags" {
  type    = map(string)
  default = { Team = "platform" }
}

variable "extra_tag_sets" {
  type = list(map(string))
  default = [
    { Compliance = "pci" },
    { Backup = "daily", Compliance = "sox" }, # later sets win
  ]
}

variable "allowed_cidr_sets" {
  type = list(list(string))
  default = [
    ["10.0.0.0/8"],
    ["172.16.0.0/12", "192.168.0.0/16"],
    [],
  ]
}

locals {
  tag_layers = concat([var.org_tags, var.team_tags], var.extra_tag_sets)

  # `...` expands a tuple/list into separate arguments
  merged_tags   = merge(local.tag_layers...)
  all_cidrs     = concat(var.allowed_cidr_sets...)
  flat_cidrs    = distinct(flatten(var.allowed_cidr_sets))
  min_of_list   = min([5, 3, 9]...)
  max_of_list   = max(local.numbers...)
  formatted     = format("%s-%s-%03d", ["acme", "web", 7]...)
  coalesced     = coalesce([null, "", "fallback"]...)
  numbers       = [for s in local.all_cidrs : tonumber(split("/", s)[1])]

  # calls spanning lines, nested calls and trailing commas in args
  normalised_tags = {
    for k, v in local.merged_tags :
    lower(replace(k, "/[^A-Za-z0-9]+/", "_")) => trimspace(v)
  }

  name_prefix = lower(
    join(
      "-",
      compact([
        lookup(local.merged_tags, "Org", null),
        lookup(local.merged_tags, "Team", ""),
        try(local.merged_tags["Environment"], "dev"),
      ]),
    )
  )

  tag_string = join(",", [
    for k in sort(keys(local.merged_tags)) : format("%s=%s", k, local.merged_tags[k])
  ])

  checksum     = substr(sha256(jsonencode(local.merged_tags)), 0, 8)
  b64          = base64encode(local.tag_string)
  roundtrip    = jsondecode(jsonencode({ a = [1, 2, { b = null }] }))
  yaml_tags    = yamlencode(local.merged_tags)
  regex_groups = regex("^(?P<org>[a-z]+)-(?P<team>[a-z]+)", local.name_prefix)
  cidr_hosts   = [for i in range(1, 4) : cidrhost("10.1.0.0/24", i)]
  uuid_like    = uuidv5("dns", "${local.name_prefix}.example.com")
  zipped       = zipmap(["a", "b", "c"], [1, 2, 3])
  product      = setproduct(["eu-west-1", "us-east-1"], ["blue", "green"])
  timestamps   = [formatdate("YYYY-MM-DD", "2024-02-29T12:00:00Z"), timeadd("2024-01-01T00:00:00Z", "36h")]
  templated    = templatefile("${path.module}/templates/tags.tpl", { tags = local.merged_tags, prefix = local.name_prefix })
  can_parse    = can(regex("^[0-9]+$", "12a"))
  typed        = tomap({ a = "1", b = "2" })
  type_convert = [tostring(12), tonumber("3.14"), tobool("true"), tolist(toset(["b", "a"])), toset([1, 1, 2])]
  stringy_math = "${1 + 2} ${5 / 2} ${7 % 3} ${-1 * 3}"
}

resource "aws_resourcegroups_group" "by_team" {
  name = "${local.name_prefix}-resources"

  resource_query {
    query = jsonencode({
      ResourceTypeFilters = ["AWS::AllSupported"]
      TagFilters = [
        for k, v in local.merged_tags : {
          Key    = k
          Values = [v]
        }
      ]
    })
  }

  tags = merge(
    local.merged_tags,
    { Name = "${local.name_prefix}-resources", Checksum = local.checksum },
  )
}

resource "aws_organizations_policy" "tag_policy" {
  name = "required-tags"
  type = "TAG_POLICY"
  content = jsonencode({
    tags = {
      for k in keys(local.merged_tags) : lower(k) => {
        tag_key = { "@@assign" = k }
        enforced_for = {
          "@@assign" = ["ec2:instance", "s3:bucket", "rds:db"]
        }
      }
    }
  })
}

output "tagging_debug" {
  value = {
    merged    = local.merged_tags
    cidrs     = local.all_cidrs
    flat      = local.flat_cidrs
    min       = local.min_of_list
    max       = local.max_of_list
    fmt       = local.formatted
    coalesced = local.coalesced
    norm      = local.normalised_tags
    prefix    = local.name_prefix
    str       = local.tag_string
    b64       = local.b64
    rt        = local.roundtrip
    yaml      = local.yaml_tags
    groups    = local.regex_groups
    hosts     = local.cidr_hosts
    uuid      = local.uuid_like
    zipped    = local.zipped
    product   = local.product
    times     = local.timestamps
    can       = local.can_parse
    typed     = local.typed
    conv      = local.type_convert
    math      = local.stringy_math
  }
}
