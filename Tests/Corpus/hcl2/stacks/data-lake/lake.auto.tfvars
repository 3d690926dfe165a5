datasets = {
  orders = {
    zone   = "curated"
    format = "parquet"
    columns = {
      order_id     = "string"
      customer_id  = "string"
      amount_cents = "bigint"
      currency     = "string"
      status       = "string"
      created_at   = "timestamp"
    }
    crawl_cron = "0 3 * * ? *"
  }

  clickstream = {
    zone       = "raw"
    format     = "json"
    partitions = ["dt", "hour"]
    columns = {
      event_id   = "string"
      session_id = "string"
      url        = "string"
      referrer   = "string"
      user_agent = "string"
      ts         = "bigint"
    }
  }

  "customers-v2" = {
    zone    = "clean"
    format  = "parquet"
    columns = { id = "string", email = "string", country = "string", created = "date" }
  }
}

analyst_role_arns = [
  "arn:aws:iam::111111111111:role/data-engineer",
  "arn:aws:iam::111111111111:role/analyst",
]
