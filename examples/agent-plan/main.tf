# plan.json (create only): a policy that allows every action on every resource, a role and
# the attachment of the one to the other -> three creates.
resource "aws_iam_policy" "admin" {
  name        = "airlock-agent-admin"
  description = "Full access, requested by an agent"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "AllowEverything"
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "agent" {
  name = "airlock-agent"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "agent_admin" {
  role       = aws_iam_role.agent.name
  policy_arn = aws_iam_policy.admin.arn
}
