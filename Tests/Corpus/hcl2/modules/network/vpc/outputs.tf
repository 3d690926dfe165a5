output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr_block" { value = aws_vpc.this.cidr_block }

output "public_subnet_ids" {
  description = "IDs of the public subnets, ordered like var.azs"
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  value = aws_subnet.private.*.id
}

output "database_subnet_ids" {
  value = [for s in aws_subnet.database : s.id]
}

output "database_subnet_ids_by_az" {
  value = { for az, s in aws_subnet.database : az => s.id }
}

output "nat_public_ips" {
  value = aws_eip.nat[*].public_ip
}

output "private_route_table_ids" {
  value = aws_route_table.private[*].id
}

output "first_public_subnet" {
  # legacy index syntax, still accepted
  value = aws_subnet.public.0.id
}
