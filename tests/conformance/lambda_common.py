"""What the Lambda scripts share: the target (FakeAws.Server, or moto_server with LAMBDA_TARGET=moto),
a fresh start, the account's role, ARNs, and a deployment package for functions whose code is one of
FakeAws's built-in .NET handlers (FakeAws.Lambda.BuiltInHandlers)."""
import io
import os
import urllib.request
import zipfile

from harness import ENDPOINT, client

MOTO = os.environ.get("LAMBDA_TARGET") == "moto"
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/lambda-role"
BUILT_IN = "FakeAws::FakeAws.Lambda.BuiltInHandlers::"


def start():
    """Resets the target and returns a boto3 Lambda client for it."""
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
    if MOTO:
        # moto checks that the role exists in its IAM; FakeAws, like AWS before the role is assumed, does not.
        client("iam").create_role(RoleName="lambda-role", AssumeRolePolicyDocument="{}")
    return client("lambda")


def arn(name, qualifier=None):
    return f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{name}" + (f":{qualifier}" if qualifier else "")


def package():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bootstrap.txt", "in-process code")
    return buffer.getvalue()


def zip_of(files):
    """A deployment package holding the given files (path to text)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return buffer.getvalue()
