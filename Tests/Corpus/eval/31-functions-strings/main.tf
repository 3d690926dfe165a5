variable "service_name" {
  type    = string
  default = "  Order Processing Service  "
}

variable "csv_line" {
  type    = string
  default = "alpha,beta,,gamma"
}

locals {
  trimmed = trimspace(var.service_name)
  slug    = lower(replace(local.trimmed, " ", "-"))

  results = {
    format_basic   = format("%s-%03d", "node", 7)
    format_floats  = format("%.2f|%5.1f|%e", 3.14159, 2.5, 1234.5)
    format_misc    = format("%q %v %t %x %X %o %b", "quoted", 42, true, 255, 255, 8, 5)
    format_width   = format("[%-8s][%8s]", "left", "right")
    format_percent = format("100%% of %d", 3)
    formatlist     = formatlist("%s=%d", ["a", "b"], [1, 2])
    join           = join("/", ["usr", "local", "bin"])
    split          = split(",", var.csv_line)
    compact_split  = compact(split(",", var.csv_line))
    replace_plain  = replace("a-b-c", "-", "_")
    replace_regex  = replace("build-2024-01-15", "/(\\d{4})-(\\d{2})-(\\d{2})/", "$3.$2.$1")
    regex_single   = regex("^(\\w+)-(\\d+)$", "web-42")
    regex_named    = regex("(?P<name>[a-z]+)@(?P<domain>[a-z.]+)", "ops@example.com")
    regexall_count = length(regexall("o", "foo boo"))
    regexall_all   = regexall("[0-9]+", "a1b22c333")
    upper          = upper(local.slug)
    title          = title("hello wide world")
    trim           = trim("--==hello==--", "-=")
    trimprefix     = trimprefix("arn:aws:s3:::bucket", "arn:aws:s3:::")
    trimsuffix     = trimsuffix("photo.jpeg", ".jpeg")
    chomp          = chomp("line\n\n")
    substr         = substr("hello world", 6, 5)
    substr_neg     = substr("hello world", -5, -1)
    substr_unicode = substr("héllo wörld", 0, 4)
    length_unicode = length("héllo")
    strrev         = strrev("stressed")
    startswith     = startswith(local.slug, "order")
    endswith       = endswith(local.slug, "service")
    indent         = indent(2, "a\nb\nc")
    strcontains    = strcontains(local.slug, "process")
    slug           = local.slug
    trimmed        = local.trimmed
    templatestring = "${local.slug}:${length(local.slug)}"
    urlencode      = urlencode("a b&c=d/é")
    base64         = base64encode("airlock")
    base64dec      = base64decode("YWlybG9jaw==")
    md5            = md5("airlock")
    sha1           = sha1("airlock")
    sha256         = sha256("airlock")
    sha512         = sha512("airlock")
    base64sha256   = base64sha256("airlock")
    uuidv5         = uuidv5("dns", "airlock.example.com")
    textencode     = textencodebase64("airlock", "UTF-16LE")
  }
}

resource "terraform_data" "strings" {
  input = local.results
}

output "slug" {
  value = local.slug
}
