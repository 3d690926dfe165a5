# Example variable values - copy this file and customise for your environment
aws_region     = "us-east-1"
project_name   = "my-web-app"
environment    = "dev"
instance_type  = "t3.micro"
instance_count = 2
db_username    = "admin"

# IMPORTANT: Restrict this to your own IP address!
allowed_ssh_cidr  = "0.0.0.0/0"
enable_monitoring = false
