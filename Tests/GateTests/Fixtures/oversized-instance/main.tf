# plan.json (create only): an m5.24xlarge instance (96 vCPU) and a security group open to
# the world on SSH (0.0.0.0/0, port 22) -> two creates.
resource "aws_security_group" "ssh" {
  name        = "airlock-ssh-anywhere"
  description = "SSH from anywhere"
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "worker" {
  ami                    = "ami-12345678"
  instance_type          = "m5.24xlarge"
  vpc_security_group_ids = [aws_security_group.ssh.id]
  tags                   = { Name = "airlock-batch-worker", env = "prod" }
}
