instance_type  = "t3.small"
from_auto_a    = "a.auto.tfvars"
override_order = "a.auto.tfvars"
