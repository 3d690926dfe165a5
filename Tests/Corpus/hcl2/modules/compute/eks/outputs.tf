output "cluster_name" { value = aws_eks_cluster.this.name }
output "cluster_endpoint" { value = aws_eks_cluster.this.endpoint }
output "cluster_ca" {
  value = base64decode(aws_eks_cluster.this.certificate_authority.0.data)
}
output "oidc_provider_arn" { value = aws_iam_openid_connect_provider.this.arn }
output "oidc_issuer_host" {
  value = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")
}
output "node_group_arns" {
  value = values(aws_eks_node_group.this)[*].arn
}
output "kubeconfig" {
  sensitive = true
  value     = <<-EOT
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        server: ${aws_eks_cluster.this.endpoint}
        certificate-authority-data: ${aws_eks_cluster.this.certificate_authority[0].data}
      name: ${aws_eks_cluster.this.name}
    contexts:
    - context:
        cluster: ${aws_eks_cluster.this.name}
        user: aws
      name: ${aws_eks_cluster.this.name}
    current-context: ${aws_eks_cluster.this.name}
    users:
    - name: aws
      user:
        exec:
          apiVersion: client.authentication.k8s.io/v1beta1
          command: aws
          args: ["eks", "get-token", "--cluster-name", "${aws_eks_cluster.this.name}"]
  EOT
}
