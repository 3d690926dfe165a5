# Vault ACL policies for the CI pipeline.

path "secret/data/ci/*" {
  capabilities = ["read", "list"]
}

path "secret/metadata/ci/*" {
  capabilities = ["list"]
}

# TODO(sec): way too broad, scope to the pipeline's own mount
path "sys/*" {
  capabilities = ["create", "read", "update", "delete", "list", "sudo"]
}

path "aws/creds/deploy" {
  capabilities = ["read"]
  min_wrapping_ttl = "1m"
  max_wrapping_ttl = "90m"
}

path "transit/encrypt/ci-*" {
  capabilities = ["update"]
  allowed_parameters = {
    "plaintext" = []
    "context"   = []
  }
}
