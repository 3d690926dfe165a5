// Bastion host. This file is indented with TABS on purpose (the original
// author's editor settings); terraform fmt would convert it to spaces.

variable "subnet_id" {
	type = string
}

variable "vpc_id" {
	type = string
}

variable "key_name" {
	type    = string
	default = "ops-2019" // shared key, rotate!
}

variable "ssh_private_key_path" {
	type    = string
	default = "~/.ssh/ops-2019.pem"
}

variable "admin_users" {
	type    = list(string)
	default = ["alice", "bob", "chloé"]
}

resource "aws_security_group" "bastion" {
	name   = "bastion"
	vpc_id = var.vpc_id

	ingress {
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

resource "aws_instance" "bastion" {
	ami                         = "ami-0c1c30571d2dae5c9"
	instance_type               = "t3.micro"
	subnet_id                   = var.subnet_id
	key_name                    = var.key_name
	associate_public_ip_address = true
	vpc_security_group_ids      = [aws_security_group.bastion.id]

	root_block_device {
		volume_size = 8
		encrypted   = false
	}

	connection {
		type        = "ssh"
		user        = "ec2-user"
		host        = self.public_ip
		private_key = file(pathexpand(var.ssh_private_key_path))
		timeout     = "2m"
	}

	provisioner "file" {
		content     = join("\n", [for u in var.admin_users : "${u} ALL=(ALL) NOPASSWD:ALL"])
		destination = "/tmp/90-admins"
	}

	provisioner "remote-exec" {
		inline = [
			"sudo mv /tmp/90-admins /etc/sudoers.d/90-admins",
			"sudo chmod 0440 /etc/sudoers.d/90-admins",
			"sudo yum update -y",
		]
	}

	provisioner "local-exec" {
		when       = destroy
		command    = "echo 'bastion ${self.id} destroyed' >> bastion-history.log"
		on_failure = continue
	}

	tags = {
		Name = "bastion"
		Role = "jump-host"
	}
}

resource "aws_eip" "bastion" {
	instance = aws_instance.bastion.id
	domain   = "vpc"
}

output "bastion_ip" {
	value = aws_eip.bastion.public_ip
}

output "ssh_command" {
	value = "ssh -i ${var.ssh_private_key_path} ec2-user@${aws_eip.bastion.public_ip}"
}
