job "web" {
  datacenters = ["dc1", "dc2"]
  type        = "service"

  update {
    max_parallel     = 2
    min_healthy_time = "30s"
    healthy_deadline = "5m"
    auto_revert      = true
    canary           = 1
  }

  group "frontend" {
    count = 3

    network {
      port "http" {
        to = 8080
      }
    }

    service {
      name = "web"
      port = "http"
      tags = ["urlprefix-/", "traefik.enable=true"]

      check {
        type     = "http"
        path     = "/healthz"
        interval = "10s"
        timeout  = "2s"

        check_restart {
          limit = 3
          grace = "90s"
        }
      }
    }

    task "server" {
      driver = "docker"

      config {
        image = "ghcr.io/example-corp/web:1.14.2"
        ports = ["http"]
        args  = ["--listen", ":8080", "--log-format", "json"]
      }

      template {
        destination = "secrets/app.env"
        env         = true
        data        = <<-EOT
          {{ with secret "kv/data/web" }}
          DATABASE_URL={{ .Data.data.database_url }}
          SESSION_KEY={{ .Data.data.session_key }}
          {{ end }}
        EOT
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
