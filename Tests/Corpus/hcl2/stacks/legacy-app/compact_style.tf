# Written by a contractor who did not believe in whitespace. Still valid HCL.
variable"app_port"{default=8080}
variable "app_env"{
type=string
default="prod"
}
variable   "replicas"   {   default   =   3   }

locals{
ports=[80,443,var.app_port]
m={a=1,b=2,c=3}
doubled={for k,v in local.m:k=>v*2}
evens=[for p in local.ports:p if p%2==0]
flag=var.app_env=="prod"?true:false
neg=-1
notflag=!local.flag
s="${var.app_env}-${var.app_port}"
chain=local.m.a+local.m.b*local.m.c-local.neg
grouped={for p in local.ports:p>100?"high":"low"=>p...}
calls=upper(lower(trimspace( "  Mixed Case  " )))
spaced = [ for   x   in   local.ports   :   x   +   1   ]
tight = [1,2,3,]
}

resource"aws_lb_target_group""app"{
name="app-${var.app_env}"
port=var.app_port
protocol="HTTP"
vpc_id="vpc-12345678"
health_check{
path="/health"
matcher="200-399"
}
stickiness{type="lb_cookie"}
}

output"summary"{value={ports=local.ports,evens=local.evens,doubled=local.doubled,flag=local.flag,notflag=local.notflag,s=local.s,chain=local.chain,grouped=local.grouped,calls=local.calls,spaced=local.spaced,tight=local.tight,replicas=var.replicas}}
