variable "queues" {
  type = map(object({
    fifo               = optional(bool, false)
    visibility_timeout = optional(number, 30)
    max_receive_count  = optional(number, 5)
    delay_seconds      = optional(number, 0)
  }))
  default = {
    orders        = { fifo = true, visibility_timeout = 120 }
    emails        = {}
    "image-resize" = { visibility_timeout = 900, max_receive_count = 3 }
  }
}

resource "aws_sqs_queue" "dlq" {
  for_each = var.queues

  name                      = each.value.fifo ? "${each.key}-dlq.fifo" : "${each.key}-dlq"
  fifo_queue                = each.value.fifo
  message_retention_seconds = 14 * 24 * 60 * 60
}

resource "aws_sqs_queue" "main" {
  for_each = var.queues

  name                        = each.value.fifo ? "${each.key}.fifo" : each.key
  fifo_queue                  = each.value.fifo
  content_based_deduplication = each.value.fifo ? true : null
  visibility_timeout_seconds  = each.value.visibility_timeout
  delay_seconds               = each.value.delay_seconds
  receive_wait_time_seconds   = 20

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each  = aws_sqs_queue.dlq
  queue_url = each.value.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue",
    sourceQueueArns   = [aws_sqs_queue.main[each.key].arn]
  })
}
