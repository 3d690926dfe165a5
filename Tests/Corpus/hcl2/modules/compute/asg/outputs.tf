output "asg_name" {
  value = aws_autoscaling_group.this.name
}

output "launch_template" {
  value = {
    id      = aws_launch_template.this.id
    version = aws_launch_template.this.latest_version
  }
}

output "role_name" {
  value = aws_iam_role.this.name
}
