resource "aws_db_subnet_group" "this" {
  name       = "${var.db_name}-subnets"
  subnet_ids = ["subnet-11111111", "subnet-22222222"]
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.db_name}-pg15"
  family = "postgres15"

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name         = parameter.key
      value        = parameter.value
      apply_method = "pending-reboot"
    }
  }
}

resource "aws_security_group" "db" {
  name = "${var.db_name}-db"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "this" {
  identifier              = "${var.db_name}-primary"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = var.instance_class
  allocated_storage       = var.allocated_storage
  max_allocated_storage   = var.allocated_storage * 5
  db_name                 = var.db_name
  username                = "postgres"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.this.name
  parameter_group_name    = aws_db_parameter_group.this.name
  vpc_security_group_ids  = [aws_security_group.db.id]
  publicly_accessible     = true
  storage_encrypted       = false
  skip_final_snapshot     = true
  backup_retention_period = 0
  deletion_protection     = false
  multi_az                = false
  port                    = 5432

  tags = {
    Name = "${var.db_name}-primary"
  }
}

resource "aws_db_instance" "replica" {
  identifier          = "${var.db_name}-replica"
  replicate_source_db = aws_db_instance.this.identifier
  instance_class      = var.instance_class
  skip_final_snapshot = true
  publicly_accessible = false
}

output "endpoint" {
  value = aws_db_instance.this.endpoint
}

output "password" {
  value     = var.db_password
  sensitive = true
}
