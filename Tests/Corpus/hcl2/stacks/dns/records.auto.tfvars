records = {
  "@" = {
    type   = "A"
    values = ["192.0.2.10"]
  }
  www = { type = "CNAME", values = ["example.com"] }
  "status" = { type = "CNAME", ttl = 60, values = ["acme.statuspage.io"] }
  "google._domainkey" = {
    type   = "TXT"
    ttl    = 3600
    values = ["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu8v3Ow0yV1a8k7mYpQx8lG3Jc0sQ9nZ4r6TgS2fE1hJkLwP5mNcVbXqA7dY0tU3eR2iO9pH6sD8fG4jK1lZ3xC5vB7nM2qW0eT9rY4uI8oP1aS6dF3gH5jK7lZ9xC2vB4nM6qW8eT0rY1uI3oP5aS7dF9gH2jK4lZ6xC8vB0nM1qW3eT5rY7uI9oP2aS4dF6gH8jK0lZ1xC3vB5nM7qW9eT2rY4uI6oP8aS0dF1gH3jK5lZ7xC9vB2nM4qW6eT8rY0uI1oP3aS5dF7gH9jK2lZ4xC6vB8nM0qIDAQAB"]
  }
  _acme-challenge = {
    type   = "TXT",
    ttl    = 60,
    values = ["xJ3-Qw8p9ZrT5s_Kv2mN7bLcD4hF6gE1aY0uI"],
  }
}
