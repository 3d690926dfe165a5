locals {
  node_role_mapping = [{
    rolearn  = aws_iam_role.node.arn
    username = "system:node:{{EC2PrivateDNSName}}"
    groups   = ["system:bootstrappers", "system:nodes"]
  }]

  aws_auth_configmap_data = {
    mapRoles = yamlencode(concat(local.node_role_mapping, var.map_roles))
    mapUsers = yamlencode(var.map_users)
  }

  # Kept for clusters still on the legacy template-based config map.
  legacy_map_roles = <<-YAML
    %{ for r in concat(local.node_role_mapping, var.map_roles) ~}
    - rolearn: ${r.rolearn}
      username: ${r.username}
      groups:
      %{~ for g in r.groups }
        - ${g}
      %{~ endfor }
    %{ endfor ~}
  YAML
}

resource "terraform_data" "aws_auth" {
  input = local.aws_auth_configmap_data

  triggers_replace = [
    sha256(jsonencode(local.aws_auth_configmap_data)),
  ]

  provisioner "local-exec" {
    interpreter = ["/bin/bash", "-c"]
    command     = <<-EOT
      aws eks update-kubeconfig --name ${aws_eks_cluster.this.name} --kubeconfig /tmp/kubeconfig-${aws_eks_cluster.this.name}
      cat <<'YAML' | kubectl --kubeconfig /tmp/kubeconfig-${aws_eks_cluster.this.name} apply -f -
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: aws-auth
        namespace: kube-system
      data:
        mapRoles: |
      ${indent(4, local.aws_auth_configmap_data.mapRoles)}
      YAML
    EOT
    environment = {
      AWS_REGION = "eu-west-1"
    }
  }
}
