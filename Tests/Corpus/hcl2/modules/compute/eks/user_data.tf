locals {
  # MIME multi-part user data consumed by the EKS-optimised AMI's nodeadm.
  node_user_data = {
    for name, ng in var.node_groups : name => <<-EOT
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="BOUNDARY"

      --BOUNDARY
      Content-Type: application/node.eks.aws

      ---
      apiVersion: node.eks.aws/v1alpha1
      kind: NodeConfig
      spec:
        cluster:
          name: ${aws_eks_cluster.this.name}
          apiServerEndpoint: ${aws_eks_cluster.this.endpoint}
          certificateAuthority: ${aws_eks_cluster.this.certificate_authority[0].data}
          cidr: ${aws_eks_cluster.this.kubernetes_network_config[0].service_ipv4_cidr}
        kubelet:
          config:
            maxPods: ${ng.capacity_type == "SPOT" ? 58 : 110}
          flags:
            - --node-labels=${join(",", [for k, v in merge({ nodegroup = name }, ng.labels) : "${k}=${v}"])}
      %{~ if length(ng.taints) > 0 }
            - --register-with-taints=${join(",", [for t in ng.taints : "${t.key}=${t.value == null ? "" : t.value}:${t.effect}"])}
      %{~ endif }

      --BOUNDARY
      Content-Type: text/x-shellscript; charset="us-ascii"

      #!/bin/bash
      set -euo pipefail
      echo "bootstrapping node group ${name}" | tee -a /var/log/bootstrap.log
      # escape so the shell sees the variable, not terraform:
      echo "instance: $${HOSTNAME}" >> /var/log/bootstrap.log
      yum install -y amazon-ssm-agent && systemctl enable --now amazon-ssm-agent

      --BOUNDARY--
    EOT
  }
}
