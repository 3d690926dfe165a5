# terraform test suite for the vpc module (uses HCL native syntax, .tftest.hcl)

variables {
  name                  = "test"
  cidr_block            = "10.99.0.0/16"
  azs                   = ["eu-west-1a", "eu-west-1b"]
  public_subnet_newbits = 8
}

provider "aws" {
  region = "eu-west-1"
}

run "plan_defaults" {
  command = plan

  assert {
    condition     = length(aws_subnet.public) == 2
    error_message = "Expected one public subnet per AZ."
  }

  assert {
    condition     = aws_vpc.this.cidr_block == "10.99.0.0/16"
    error_message = "VPC CIDR was ${aws_vpc.this.cidr_block}"
  }
}

run "single_nat" {
  command = plan

  variables {
    single_nat_gateway = true
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1
    error_message = "single_nat_gateway should create exactly one NAT gateway"
  }
}

run "rejects_bad_cidr" {
  command = plan

  variables {
    cidr_block = "not-a-cidr"
  }

  expect_failures = [
    var.cidr_block,
  ]
}
