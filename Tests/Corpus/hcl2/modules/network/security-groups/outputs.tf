output "alb_sg_id" { value = aws_security_group.alb.id }
output "app_sg_id" { value = aws_security_group.app.id }
output "db_sg_id" { value = aws_security_group.db.id }

output "all_sg_ids" {
  value = {
    alb = aws_security_group.alb.id,
    app = aws_security_group.app.id,
    db  = aws_security_group.db.id,
  }
}
