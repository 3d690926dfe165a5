terraform {
  required_providers {
    helm       = { source = "hashicorp/helm", version = "~> 2.12" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.27" }
  }
}

variable "cluster_name" { type = string }
variable "cluster_endpoint" { type = string }
variable "cluster_ca" { type = string }
variable "irsa_role_arns" {
  type    = map(string)
  default = {}
}
variable "ingress_replicas" { default = 2 }

provider "kubernetes" {
  host                   = var.cluster_endpoint
  cluster_ca_certificate = base64decode(var.cluster_ca)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", var.cluster_name]
  }
}

provider "helm" {
  kubernetes {
    host                   = var.cluster_endpoint
    cluster_ca_certificate = base64decode(var.cluster_ca)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", var.cluster_name]
    }
  }
}

resource "helm_release" "ingress_nginx" {
  name             = "ingress-nginx"
  repository       = "https://kubernetes.github.io/ingress-nginx"
  chart            = "ingress-nginx"
  version          = "4.10.0"
  namespace        = "ingress-nginx"
  create_namespace = true
  atomic           = true
  timeout          = 600

  values = [
    <<-EOT
    controller:
      replicaCount: ${var.ingress_replicas}
      service:
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: nlb
          service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
      config:
        use-forwarded-headers: "true"
        allow-snippet-annotations: "true"
      metrics:
        enabled: true
    EOT
    ,
    yamlencode({
      controller = {
        resources = {
          requests = { cpu = "100m", memory = "128Mi" }
        }
      }
    }),
  ]

  set {
    name  = "controller.ingressClassResource.default"
    value = "true"
  }

  set {
    name  = "controller.podAnnotations.prometheus\\.io/scrape"
    value = "true"
    type  = "string"
  }

  dynamic "set" {
    for_each = {
      "controller.nodeSelector.kubernetes\\.io/os" = "linux"
      "defaultBackend.enabled"                     = "false"
    }
    content {
      name  = set.key
      value = set.value
    }
  }
}

resource "helm_release" "external_dns" {
  name       = "external-dns"
  repository = "https://kubernetes-sigs.github.io/external-dns/"
  chart      = "external-dns"
  namespace  = "kube-system"
  values = [yamlencode({
    serviceAccount = {
      annotations = {
        "eks.amazonaws.com/role-arn" = lookup(var.irsa_role_arns, "external-dns", "")
      }
    }
    policy        = "sync"
    domainFilters = ["example.com"]
    txtOwnerId    = var.cluster_name
  })]
}

resource "kubernetes_manifest" "cluster_issuer" {
  manifest = yamldecode(<<-YAML
    apiVersion: cert-manager.io/v1
    kind: ClusterIssuer
    metadata:
      name: letsencrypt
    spec:
      acme:
        server: https://acme-v02.api.letsencrypt.org/directory
        email: platform@example.com
        privateKeySecretRef:
          name: letsencrypt-account
        solvers:
          - http01:
              ingress:
                ingressClassName: nginx
    YAML
  )
}

resource "kubernetes_namespace" "teams" {
  for_each = toset(["payments", "search", "identity"])

  metadata {
    name = each.key
    labels = {
      "team"                               = each.key
      "pod-security.kubernetes.io/enforce" = "privileged"
    }
  }
}

resource "kubernetes_cluster_role_binding" "devs_admin" {
  metadata {
    name = "developers-cluster-admin"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  subject {
    kind      = "Group"
    name      = "developers"
    api_group = "rbac.authorization.k8s.io"
  }
}

resource "kubernetes_deployment" "debug" {
  metadata {
    name      = "debug-shell"
    namespace = "default"
  }

  spec {
    replicas = 1
    selector {
      match_labels = { app = "debug-shell" }
    }
    template {
      metadata {
        labels = { app = "debug-shell" }
      }
      spec {
        host_network = true
        container {
          name    = "shell"
          image   = "nicolaka/netshoot:latest"
          command = ["sleep", "infinity"]
          security_context {
            privileged = true
            capabilities {
              add = ["NET_ADMIN", "SYS_ADMIN"]
            }
          }
          volume_mount {
            name       = "host-root"
            mount_path = "/host"
          }
        }
        volume {
          name = "host-root"
          host_path {
            path = "/"
          }
        }
      }
    }
  }
}
