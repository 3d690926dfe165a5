resource aws_instance 123 {
  ami = "ami-0123456789abcdef0"
}
