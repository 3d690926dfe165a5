# Internationalised marketing site — maintained by the Zürich & 東京 teams 🚀
# Mainteneur : René Lefèvre (reneé@example.com) 👩‍💻
// Überprüfung: 2024-05 🇩🇪 / レビュー済み 🇯🇵

variable "locales" {
  description = "Locales served by the site — «é» uses a combining accent"
  type        = list(string)
  default     = ["de-DE", "fr-FR", "ja-JP", "pt-BR", "es-ES"]
}

locals {
  greetings = {
    "de-DE" = "Grüß Gott! Schöne Grüße aus München 🇩🇪"
    "fr-FR" = "Bienvenue à Paris — café, crème brûlée, naïve façade"
    "ja-JP" = "ようこそ東京へ 🇯🇵" # 東京 = Tokyo
    "pt-BR" = "Olá, São Paulo! Ação e coração"
    "es-ES" = "¡Hola, España! El niño pidió jalapeños"
    "el-GR" = "Καλώς ήρθατε στην Αθήνα"
    "ru-RU" = "Добро пожаловать в Москву"
    "ar-EG" = "أهلا بك في القاهرة"
    "he-IL" = "ברוכים הבאים"
    "hi-IN" = "नमस्ते दिल्ली"
    "ko-KR" = "서울에 오신 것을 환영합니다"
    "zh-CN" = "欢迎来到北京"
    "th-TH" = "ยินดีต้อนรับสู่กรุงเทพฯ"
  }

  # combining marks: "René" is visually "René" but has an extra code point
  combining_name = "René"   # after a combining sequence
  precomposed    = "René"        # after a precomposed é
  emoji_status   = "🚀 deployed by 👩‍💻 for 👨‍👩‍👧‍👦 👍🏽"
  flags          = ["🇩🇪", "🇯🇵", "\U0001F1EB\U0001F1F7"] # last one escaped (FR)
  mixed_escapes  = "caf\u00e9 vs café vs cafe\u0301 vs café"
  größe          = 3 # non-ASCII identifier: valid HCL
  city_by_tz = {
    "Europe/Berlin" = "Berlin"
    "Asia/Tokyo"    = "東京"
    "Europe/Zürich" = "Zürich"
  }

  banner = <<-EOT
    ┌────────────────────────────┐
    │  🚀 Release ${var.release}       │
    │  東京 · Zürich · São Paulo  │
    │  👩‍💻 on-call: ${var.oncall}    │
    └────────────────────────────┘
    %{ for l in var.locales ~}
    • ${l}: ${lookup(local.greetings, l, "—")}
    %{ endfor ~}
  EOT
}

variable "release" {
  type    = string
  default = "2024.06 «Été»"
}

variable "oncall" {
  type    = string
  default = "Zoë Ångström"
}

resource "aws_s3_object" "greeting" {
  for_each = { for l in var.locales : l => local.greetings[l] }

  bucket       = "acme-i18n-site"
  key          = "greetings/${each.key}.txt"
  content      = "${each.value} — 🚀"
  content_type = "text/plain; charset=utf-8"

  metadata = {
    "locale"  = each.key
    "comment" = "généré par Terraform"
  }
}

resource "aws_s3_object" "banner" { # バナー
  bucket  = "acme-i18n-site"
  key     = "banner.txt"
  content = local.banner
}

resource "aws_cloudwatch_dashboard" "i18n" {
  dashboard_name = "i18n-site"
  dashboard_body = jsonencode({
    widgets = [{
      type       = "text", x = 0, y = 0, width = 24, height = 3
      properties = { markdown = "## 🚀 Site i18n — état: ✅ · 東京 ${local.größe}" }
    }]
  })
}

output "greetings" {
  value = local.greetings
}

output "odd_strings" { value = [local.combining_name, local.precomposed, local.emoji_status, local.flags, local.mixed_escapes, local.city_by_tz] }
