# Karpenter is disabled until the node IAM work in PLAT-771 lands.
# Keep this file so the history of the experiment stays discoverable.
#
# module "karpenter" {
#   source  = "terraform-aws-modules/eks/aws//modules/karpenter"
#   version = "~> 20.0"
#
#   cluster_name = aws_eks_cluster.this.name
#
#   enable_irsa            = true
#   irsa_oidc_provider_arn = aws_iam_openid_connect_provider.this.arn
# }

// resource "aws_iam_role_policy_attachment" "karpenter_ssm" {
//   role       = module.karpenter.node_iam_role_name
//   policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
// }

/*
resource "helm_release" "karpenter" {
  namespace  = "karpenter"
  name       = "karpenter"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"
  version    = "0.36.0"

  values = [
    <<-EOT
    settings:
      clusterName: ${aws_eks_cluster.this.name}
    EOT
  ]
}
*/
