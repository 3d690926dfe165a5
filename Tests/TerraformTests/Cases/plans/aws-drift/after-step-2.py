# Behind Terraform's back: the role's tags changed (drift) and a bucket to import.
import os
import boto3

kw = dict(endpoint_url=os.environ["TF_VAR_endpoint"], region_name="us-east-1",
          aws_access_key_id="testing", aws_secret_access_key="testing")
boto3.client("iam", **kw).tag_role(RoleName="airlock-app", Tags=[{"Key": "Owner", "Value": "someone-else"}])
boto3.client("s3", **kw).create_bucket(Bucket="airlock-unmanaged")
