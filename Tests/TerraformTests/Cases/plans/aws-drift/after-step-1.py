# Behind Terraform's back: an object in the bucket, so that destroying it in step 2 fails.
import os
import boto3

kw = dict(endpoint_url=os.environ["TF_VAR_endpoint"], region_name="us-east-1",
          aws_access_key_id="testing", aws_secret_access_key="testing")
boto3.client("s3", **kw).put_object(Bucket="airlock-fixture-v1", Key="keep.txt", Body=b"keep")
