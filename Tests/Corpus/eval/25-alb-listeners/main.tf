variable "name" {
  type    = string
  default = "shop"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0aaa1111", "subnet-0bbb2222"]
}

variable "vpc_id" {
  type    = string
  default = "vpc-0ccc3333"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:111122223333:certificate/00000000-1111-2222-3333-444444444444"
}

variable "services" {
  type = map(object({
    port     = number
    priority = number
    paths    = list(string)
    health   = optional(string, "/healthz")
  }))
  default = {
    api = { port = 8080, priority = 10, paths = ["/api/*"] }
    admin = { port = 9090, priority = 20, paths = ["/admin", "/admin/*"], health = "/admin/ping" }
  }
}

resource "aws_security_group" "alb" {
  name   = "${var.name}-alb"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "this" {
  name               = "${var.name}-alb"
  internal           = false
  load_balancer_type = "application"
  security_groups    = [aws_security_group.alb.id]
  subnets            = var.subnet_ids
  idle_timeout       = 120

  enable_deletion_protection = false
  drop_invalid_header_fields = true

  access_logs {
    bucket  = "${var.name}-alb-logs"
    prefix  = "alb"
    enabled = false
  }
}

resource "aws_lb_target_group" "svc" {
  for_each = var.services

  name        = "${var.name}-${each.key}"
  port        = each.value.port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "ip"

  health_check {
    path                = each.value.health
    matcher             = "200-299"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  stickiness {
    type    = "lb_cookie"
    enabled = false
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = "443"
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "svc" {
  for_each = var.services

  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.svc[each.key].arn
  }

  condition {
    path_pattern {
      values = each.value.paths
    }
  }

  condition {
    http_header {
      http_header_name = "X-Service"
      values           = [each.key]
    }
  }
}
