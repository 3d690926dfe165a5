variable "queues" {
  type = map(number)
  default = {
    orders   = 60
    invoices = 300
    emails   = 30
  }
}

variable "create_dlq_alarm" {
  type    = bool
  default = false
}

variable "replicas" {
  type    = number
  default = 2
}

module "queue_worker" {
  source   = "./modules/worker"
  for_each = var.queues

  name               = each.key
  visibility_timeout = each.value
}

module "replica" {
  source = "./modules/worker"
  count  = var.replicas

  name               = "replica-${count.index}"
  visibility_timeout = 30 * (count.index + 1)
}

module "optional" {
  source = "./modules/worker"
  count  = var.create_dlq_alarm ? 1 : 0

  name               = "optional"
  visibility_timeout = 10
}

resource "aws_sns_topic" "fanout" {
  name = "fanout"
}

resource "aws_sns_topic_subscription" "queues" {
  for_each = module.queue_worker

  topic_arn = aws_sns_topic.fanout.arn
  protocol  = "sqs"
  endpoint  = each.value.queue_arn
}

resource "terraform_data" "summary" {
  input = {
    queue_names     = [for k, m in module.queue_worker : m.queue_name]
    replica_names   = module.replica[*].queue_name
    optional_names  = module.optional[*].queue_name
    timeouts        = { for k, m in module.queue_worker : k => m.visibility_timeout }
    replica_timeout = module.replica[1].visibility_timeout
  }
}

output "queue_names" {
  value = { for k, m in module.queue_worker : k => m.queue_name }
}
