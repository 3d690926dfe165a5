a = <<EOT
é é 🚀
👩‍💻 🇩🇪 東京
EOT
