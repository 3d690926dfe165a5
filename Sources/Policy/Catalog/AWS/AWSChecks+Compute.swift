import HCL
import Terraform

extension AWSChecks {
    static let compute: [Check] = ([
        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-001", aliases: ["CKV_AWS_79"],
                title: "EC2 instances and launch templates require IMDSv2",
                description: "With http_tokens left \"optional\", the instance metadata service answers IMDSv1's plain GET, so a server-side request forgery in any application on the host hands out the instance role's credentials. Unless set, the AMI decides; an aws_ec2_instance_metadata_defaults with http_tokens = \"required\" in the same configuration counts as setting it.",
                severity: .high, category: .instanceMetadata, service: "ec2",
                resourceTypes: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Add a metadata_options block with http_tokens = \"required\" (and http_endpoint = \"enabled\"), or disable the endpoint if nothing on the host needs it.",
                snippet: """
                    metadata_options {
                      http_endpoint               = "enabled"
                      http_tokens                 = "required"
                      http_put_response_hop_limit = 1
                    }
                    """,
                references: [
                    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
                    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8",
                ]),
            passing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"

                  metadata_options {
                    http_endpoint = "enabled"
                    http_tokens   = "required"
                  }

                  root_block_device {
                    encrypted = true
                  }
                }
                """,
            failing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"
                }
                """
        ) { instance, context in
            if instance.argument("metadata_options[0].http_endpoint").string == "disabled" { return .passed }
            let path = "metadata_options[0].http_tokens"
            switch instance.argument(path) {
            case .unknown:
                return instance.unknownVerdict(path)
            case .known(let v):
                if v.stringValue == "required" { return .passed }
                return .failed(path: path, message: "\(instance.address) sets http_tokens = \"\(v.stringValue ?? "?")\": the metadata service still answers IMDSv1 requests.")
            case .unset:
                // The region-wide default applies to instances that do not set the option.
                let regionDefault = context.graph.instances(ofType: "aws_ec2_instance_metadata_defaults")
                if regionDefault.contains(where: { $0.argument("http_tokens").string == "required" }) { return .passed }
                if instance.type == "aws_instance", !instance.blocks("launch_template").isEmpty {
                    let templates = context.graph.referenced(by: instance, types: ["aws_launch_template"])
                    if !templates.isEmpty, templates.allSatisfy({ $0.argument(path).string == "required" }) { return .passed }
                }
                return .failed(path: path, message: "\(instance.address) does not set metadata_options.http_tokens = \"required\": unless the AMI requires tokens, IMDSv1 stays available.")
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-002", aliases: ["CKV_AWS_88", "CKV_AWS_389"],
                title: "EC2 instances and launch templates do not assign public IP addresses",
                description: "A public IP address puts the instance on the internet, with only its security group in front of it. Asked for explicitly (associate_public_ip_address = true) or implied by launching into a subnet of the same configuration with map_public_ip_on_launch = true.",
                severity: .medium, category: .publicExposure, service: "ec2",
                resourceTypes: ["aws_instance", "aws_launch_template", "aws_launch_configuration"],
                remediation: "Launch instances into private subnets with associate_public_ip_address = false, and put a load balancer (or Session Manager for administration) in front of them.",
                snippet: """
                    resource "aws_instance" "app" {
                      ami                         = var.ami_id
                      instance_type               = "t3.micro"
                      subnet_id                   = aws_subnet.private.id
                      associate_public_ip_address = false
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses"]),
            passing: """
                resource "aws_subnet" "private" {
                  vpc_id     = "vpc-0a1b2c3d"
                  cidr_block = "10.0.1.0/24"
                }

                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"
                  subnet_id     = aws_subnet.private.id
                }
                """,
            failing: """
                resource "aws_instance" "app" {
                  ami                         = "ami-0abcdef1234567890"
                  instance_type               = "t3.micro"
                  subnet_id                   = "subnet-0a1b2c3d"
                  associate_public_ip_address = true
                }
                """
        ) { instance, context in
            if instance.type == "aws_launch_template" {
                var unknown: [String] = []
                for i in instance.blocks("network_interfaces").indices {
                    let path = "network_interfaces[\(i)].associate_public_ip_address"
                    let state = instance.argument(path)
                    if state.bool == true { return .failed(path: path, message: "\(instance.address) gives instances launched from it a public IP address.") }
                    if state == .unknown { unknown.append(path) }
                }
                return unknown.isEmpty ? .passed : .unknown(paths: unknown, message: "Whether \(instance.address) assigns public IP addresses is known only after apply.")
            }
            let path = "associate_public_ip_address"
            let state = instance.argument(path)
            switch state {
            case .unknown:
                return instance.unknownVerdict(path, why: "Whether \(instance.address) gets a public IP address is known only after apply (unset, it follows the subnet's map_public_ip_on_launch).")
            case .known:
                return state.bool == true ? .failed(path: path, message: "\(instance.address) asks for a public IP address.") : .passed
            case .unset:
                guard instance.type == "aws_instance" else { return .passed }
                // Unset, the instance follows its subnet's map_public_ip_on_launch.
                let subnets = context.graph.referenced(by: instance, types: ["aws_subnet"])
                guard subnets.count == 1, let subnet = subnets.first else { return .passed }
                switch subnet.argument("map_public_ip_on_launch") {
                case .unknown:
                    return instance.unknownVerdict("subnet_id", why: "Whether \(subnet.address) assigns public IP addresses is known only after apply.")
                case let s where s.bool == true:
                    return .failed(path: "subnet_id", message: "\(instance.address) launches into \(subnet.address), which assigns public IP addresses (map_public_ip_on_launch = true), and does not set associate_public_ip_address = false.")
                default:
                    return .passed
                }
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EC2-003", aliases: ["CKV_AWS_8"],
                title: "EC2 instance and launch template volumes are encrypted",
                description: "Root and data volumes are unencrypted unless encrypted = true, the AMI's or source snapshot's encryption carries over, or EBS encryption by default is on for the account and region. Snapshots of unencrypted volumes can be shared or copied in clear. An aws_ebs_encryption_by_default in the same configuration counts.",
                severity: .high, category: .encryption, service: "ec2",
                resourceTypes: ["aws_instance", "aws_launch_configuration", "aws_launch_template"],
                remediation: "Set encrypted = true on root_block_device and every ebs_block_device (block_device_mappings.ebs for launch templates), or enable aws_ebs_encryption_by_default.",
                snippet: """
                    root_block_device {
                      encrypted   = true
                      volume_type = "gp3"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"]),
            passing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"

                  root_block_device {
                    encrypted   = true
                    volume_size = 20
                  }

                  ebs_block_device {
                    device_name = "/dev/sdf"
                    volume_size = 100
                    encrypted   = true
                  }
                }
                """,
            failing: """
                resource "aws_instance" "app" {
                  ami           = "ami-0abcdef1234567890"
                  instance_type = "t3.micro"

                  root_block_device {
                    volume_size = 20
                  }
                }
                """
        ) { instance, context in
            let byDefault = EBSVolumeEncryption.enabledByDefault(context.graph)
            if instance.type == "aws_launch_template" {
                var unknown: [String] = []
                for (i, mapping) in instance.blocks("block_device_mappings").enumerated() where (mapping.attributes?["ebs"]?.count ?? 0) > 0 {
                    switch EBSVolumeEncryption.volume(instance, "block_device_mappings[\(i)].ebs[0]", byDefault: byDefault) {
                    case .no(let path): return .failed(path: path, message: "A volume of \(instance.address) (block_device_mappings[\(i)]) is not encrypted.")
                    case .maybe(let path): unknown.append(path)
                    case .yes: break
                    }
                }
                return unknown.isEmpty ? .passed : .unknown(paths: unknown, message: "Whether the volumes of \(instance.address) are encrypted is known only after apply.")
            }
            var unknown: [String] = []
            switch instance.nestedBlocks("root_block_device") {
            case .unknown:
                if !byDefault { unknown.append("root_block_device") }
            case .unset:
                if !byDefault {
                    return .failed(path: "root_block_device", message: "\(instance.address) has no root_block_device with encrypted = true: the root volume is encrypted only if the AMI's snapshot is.")
                }
            case .known:
                switch EBSVolumeEncryption.volume(instance, "root_block_device[0]", byDefault: byDefault) {
                case .no(let path): return .failed(path: path, message: "The root volume of \(instance.address) is not encrypted.")
                case .maybe(let path): unknown.append(path)
                case .yes: break
                }
            }
            if instance.nestedBlocks("ebs_block_device") == .unknown && !byDefault {
                unknown.append("ebs_block_device")
            }
            for (i, element) in instance.blocks("ebs_block_device").enumerated() {
                let k = SetBlockLocator.sourceIndex(of: element, valueIndex: i, blockType: "ebs_block_device", in: instance.body,
                                                    comparing: ["device_name", "volume_size", "volume_type", "snapshot_id", "encrypted"])
                switch EBSVolumeEncryption.volume(instance, "ebs_block_device[\(i)]", byDefault: byDefault) {
                case .no: return .failed(path: "ebs_block_device[\(k)].encrypted", message: "The volume \(element.attributes?["device_name"]?.stringValue ?? "#\(k + 1)") of \(instance.address) is not encrypted.")
                case .maybe(let path): unknown.append(path)
                case .yes: break
                }
            }
            return unknown.isEmpty ? .passed : .unknown(paths: unknown, message: "Whether the volumes of \(instance.address) are encrypted is known only after apply.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EBS-001", aliases: ["CKV_AWS_3"],
                title: "EBS volumes are encrypted",
                description: "An EBS volume is unencrypted unless encrypted = true, it is restored from an encrypted snapshot, or EBS encryption by default is on; its snapshots are then unencrypted too and can be shared or copied in clear.",
                severity: .high, category: .encryption, service: "ebs", resourceTypes: ["aws_ebs_volume"],
                remediation: "Set encrypted = true (with kms_key_id for a customer managed key), or enable aws_ebs_encryption_by_default. An existing volume must be replaced through an encrypted snapshot copy.",
                snippet: """
                    resource "aws_ebs_volume" "data" {
                      availability_zone = "us-east-1a"
                      size              = 100
                      encrypted         = true
                      kms_key_id        = aws_kms_key.ebs.arn
                    }
                    """,
                references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"]),
            passing: """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  size              = 100
                  encrypted         = true
                }
                """,
            failing: """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "us-east-1a"
                  size              = 100
                }
                """
        ) { volume, context in
            switch EBSVolumeEncryption.volume(volume, "", byDefault: EBSVolumeEncryption.enabledByDefault(context.graph)) {
            case .yes: return .passed
            case .no(let path): return .failed(path: path, message: "\(volume.address) is not encrypted.")
            case .maybe(let path): return volume.unknownVerdict(path)
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-EBS-002", aliases: ["CKV_AWS_106"],
                title: "EBS encryption by default is not turned off",
                description: "aws_ebs_encryption_by_default with enabled = false switches off the account-wide safety net that encrypts every new volume and snapshot copy in the region.",
                severity: .medium, category: .encryption, service: "ebs", resourceTypes: ["aws_ebs_encryption_by_default"],
                remediation: "Set enabled = true (the resource's default).",
                snippet: """
                    resource "aws_ebs_encryption_by_default" "this" {
                      enabled = true
                    }
                    """,
                references: ["https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"]),
            passing: """
                resource "aws_ebs_encryption_by_default" "this" {
                  enabled = true
                }
                """,
            failing: """
                resource "aws_ebs_encryption_by_default" "this" {
                  enabled = false
                }
                """
        ) { setting, _ in
            setting.requireBool("enabled", true, whenUnset: true, failure: "\(setting.address) turns EBS encryption by default off.")
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-LAMBDA-001", aliases: ["CKV_AWS_258"],
                title: "Lambda function URLs require IAM authentication",
                description: "A function URL with authorization_type = \"NONE\" is a public HTTPS endpoint: anyone who finds the URL can invoke the function, run up its cost and reach whatever its role can.",
                severity: .high, category: .publicExposure, service: "lambda", resourceTypes: ["aws_lambda_function_url"],
                remediation: "Use authorization_type = \"AWS_IAM\" and sign requests, or put the function behind API Gateway or CloudFront with authentication. A deliberately public webhook should verify signatures itself and be suppressed with a reason.",
                snippet: """
                    resource "aws_lambda_function_url" "api" {
                      function_name      = aws_lambda_function.api.function_name
                      authorization_type = "AWS_IAM"
                    }
                    """,
                references: ["https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"]),
            passing: """
                resource "aws_lambda_function_url" "api" {
                  function_name      = "api"
                  authorization_type = "AWS_IAM"
                }
                """,
            failing: """
                resource "aws_lambda_function_url" "api" {
                  function_name      = "api"
                  authorization_type = "NONE"
                }
                """
        ) { url, _ in
            switch url.argument("authorization_type") {
            case .unknown: return url.unknownVerdict("authorization_type")
            case let s where s.string?.uppercased() == "NONE":
                return .failed(path: "authorization_type", message: "\(url.address) lets anyone on the internet invoke the function.")
            default: return .passed
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECS-001", aliases: ["CKV_AWS_334"],
                title: "ECS containers do not run privileged",
                description: "A container with \"privileged\": true has every capability and the host's devices: escaping to the EC2 host (and every other task on it, and the instance role) is a small step. The definitions are read from jsonencode(...) as written when the JSON is only known after apply.",
                severity: .high, category: .general, service: "ecs", resourceTypes: ["aws_ecs_task_definition"],
                remediation: "Remove \"privileged\": true; grant the specific Linux capabilities the container needs under linuxParameters.capabilities.add instead.",
                snippet: """
                    container_definitions = jsonencode([{
                      name       = "app"
                      image      = "public.ecr.aws/nginx/nginx:1.27"
                      privileged = false
                      linuxParameters = {
                        capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] }
                      }
                    }])
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security"]),
            passing: """
                resource "aws_ecs_task_definition" "app" {
                  family = "app"
                  container_definitions = jsonencode([{
                    name      = "app"
                    image     = "public.ecr.aws/nginx/nginx:1.27"
                    essential = true
                  }])
                }
                """,
            failing: """
                resource "aws_ecs_task_definition" "app" {
                  family = "app"
                  container_definitions = jsonencode([{
                    name       = "app"
                    image      = "public.ecr.aws/nginx/nginx:1.27"
                    privileged = true
                  }])
                }
                """
        ) { task, _ in
            let (privileged, container) = ECSContainerDefinitions.firstContainer(of: task, where: ECSContainerDefinitions.flag("privileged"))
            switch privileged {
            case .yes: return .failed(path: "container_definitions", message: "Container \(container) of \(task.address) runs privileged.")
            case .maybe: return task.unknownVerdict("container_definitions")
            case .no: return .passed
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECS-002",
                title: "ECS task definitions do not use the host network mode",
                description: "With network_mode = \"host\" containers share the EC2 host's network stack: they can bind any host port, reach the instance metadata service with the host's identity and see the host's traffic; security groups can no longer tell tasks apart.",
                severity: .medium, category: .general, service: "ecs", resourceTypes: ["aws_ecs_task_definition"],
                remediation: "Use network_mode = \"awsvpc\" so each task gets its own network interface and security groups.",
                snippet: """
                    resource "aws_ecs_task_definition" "app" {
                      family                   = "app"
                      network_mode             = "awsvpc"
                      requires_compatibilities = ["FARGATE"]
                      # ...
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html"]),
            passing: """
                resource "aws_ecs_task_definition" "app" {
                  family       = "app"
                  network_mode = "awsvpc"
                  container_definitions = jsonencode([{
                    name  = "app"
                    image = "public.ecr.aws/nginx/nginx:1.27"
                  }])
                }
                """,
            failing: """
                resource "aws_ecs_task_definition" "app" {
                  family       = "app"
                  network_mode = "host"
                  container_definitions = jsonencode([{
                    name  = "app"
                    image = "public.ecr.aws/nginx/nginx:1.27"
                  }])
                }
                """
        ) { task, _ in
            switch task.argument("network_mode") {
            case .unknown: return task.unknownVerdict("network_mode")
            case let s where s.string?.lowercased() == "host":
                return .failed(path: "network_mode", message: "\(task.address) shares the host's network stack with its containers.")
            default: return .passed
            }
        },

        Check(
            CheckMetadata(
                id: "AL-AWS-ECS-003", aliases: ["CKV_AWS_335"],
                title: "ECS task definitions do not share the host's process namespace",
                description: "With pid_mode = \"host\" the task's containers see, and can signal or trace, every process on the host, including other tasks and the ECS agent.",
                severity: .medium, category: .general, service: "ecs", resourceTypes: ["aws_ecs_task_definition"],
                remediation: "Remove pid_mode, or use pid_mode = \"task\" to share processes only between the task's own containers.",
                snippet: """
                    resource "aws_ecs_task_definition" "app" {
                      family   = "app"
                      pid_mode = "task"
                      # ...
                    }
                    """,
                references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode"]),
            passing: """
                resource "aws_ecs_task_definition" "app" {
                  family   = "app"
                  pid_mode = "task"
                  container_definitions = jsonencode([{
                    name  = "app"
                    image = "public.ecr.aws/nginx/nginx:1.27"
                  }])
                }
                """,
            failing: """
                resource "aws_ecs_task_definition" "app" {
                  family   = "app"
                  pid_mode = "host"
                  container_definitions = jsonencode([{
                    name  = "app"
                    image = "public.ecr.aws/nginx/nginx:1.27"
                  }])
                }
                """
        ) { task, _ in
            switch task.argument("pid_mode") {
            case .unknown: return task.unknownVerdict("pid_mode")
            case let s where s.string?.lowercased() == "host":
                return .failed(path: "pid_mode", message: "\(task.address) shares the host's process namespace with its containers.")
            default: return .passed
            }
        },
    ] as [Check]).map(\.judgingManagedResourcesOnly)
}
