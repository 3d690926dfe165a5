variable "app" {
  type = object({
    name   = string
    image  = string
    port   = number
    cpu    = optional(number, 256)
    memory = optional(number, 512)
    env    = optional(map(string), {})
    secrets = optional(map(string), {})
  })
  default = {
    name  = "catalog"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/catalog:1.8.2"
    port  = 3000
    env = {
      NODE_ENV = "production"
      PORT     = "3000"
    }
    secrets = {
      DATABASE_URL = "arn:aws:ssm:us-east-1:111122223333:parameter/catalog/db-url"
    }
  }
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "subnets" {
  type    = list(string)
  default = ["subnet-0a", "subnet-0b"]
}

locals {
  container_definitions = [
    {
      name      = var.app.name
      image     = var.app.image
      essential = true
      cpu       = var.app.cpu
      memory    = var.app.memory
      portMappings = [{
        containerPort = var.app.port
        hostPort      = var.app.port
        protocol      = "tcp"
      }]
      environment = [for k, v in var.app.env : { name = k, value = v }]
      secrets     = [for k, v in var.app.secrets : { name = k, valueFrom = v }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/${var.app.name}"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name      = "xray"
      image     = "amazon/aws-xray-daemon:3.3.7"
      essential = false
      portMappings = [{ containerPort = 2000, protocol = "udp" }]
    },
  ]
}

resource "aws_ecs_cluster" "this" {
  name = "${var.app.name}-cluster"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
    base              = 1
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.app.name}"
  retention_in_days = 0
}

resource "aws_iam_role" "execution" {
  name = "${var.app.name}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_ecs_task_definition" "app" {
  family                   = var.app.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.app.cpu * 2
  memory                   = var.app.memory * 2
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions    = jsonencode(local.container_definitions)

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  volume {
    name = "tmp"
  }
}

resource "aws_ecs_service" "app" {
  name            = var.app.name
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.subnets
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/catalog/abc"
    container_name   = var.app.name
    container_port   = var.app.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200

  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.desired_count
  max_capacity       = var.desired_count * 5
}

output "container_definitions" {
  value = jsonencode(local.container_definitions)
}
