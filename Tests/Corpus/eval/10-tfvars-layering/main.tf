# Values come from terraform.tfvars, two *.auto.tfvars files, a *.auto.tfvars.json file,
# an explicit -var-file and -var options (see airlock.args); later sources win.
resource "terraform_data" "effective" {
  input = {
    environment    = var.environment
    region         = var.region
    instance_count = var.instance_count
    instance_type  = var.instance_type
    allowed_cidrs  = var.allowed_cidrs
    tags           = var.tags
    settings       = var.settings
    from_auto_a    = var.from_auto_a
    from_auto_b    = var.from_auto_b
    override_order = var.override_order
    cli_only       = var.cli_only
  }
}

resource "terraform_data" "instances" {
  count = var.instance_count

  input = "${var.environment}-${var.instance_type}-${count.index}"
}
