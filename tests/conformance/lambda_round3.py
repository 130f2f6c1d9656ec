"""Lambda's code signing configurations, AWS_IAM function URLs and streamed responses through boto3 against FakeAws.Server.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT), or against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5002 LAMBDA_TARGET=moto python3 tests/conformance/lambda_round3.py
"""
import re
import urllib.error
import urllib.parse
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError
from harness import ENDPOINT, Checks
from lambda_common import ACCOUNT, BUILT_IN, MOTO, ROLE, arn, package, start, zip_of

checks = Checks("lambda_round3" + (" against moto" if MOTO else ""))
lam = start()

PROFILE = f"arn:aws:signer:us-east-1:{ACCOUNT}:/signing-profiles/MyProfile/abcdef1234"
MISSING = f"arn:aws:lambda:us-east-1:{ACCOUNT}:code-signing-config:csc-0123456789abcdef0"


def section(name, steps):
    """Runs one group of checks; an operation the target lacks fails the group, and the script goes on."""
    try:
        steps()
    except (ClientError, KeyError, urllib.error.URLError) as e:
        checks.failed.append(name)
        print(f"FAIL {checks.suite}: {name}: {e!r}")


def create_config(policy=None, **extra):
    policies = {"CodeSigningPolicies": {"UntrustedArtifactOnDeployment": policy}} if policy else {}
    return lam.create_code_signing_config(AllowedPublishers={"SigningProfileVersionArns": [PROFILE]}, **policies, **extra)


def create_echo(name, **extra):
    return lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Echo", Code={"ZipFile": package()}, **extra)


def configs():
    created = create_config(Description="my config", Tags={"team": "a"})
    config = created["CodeSigningConfig"]
    config_arn = config["CodeSigningConfigArn"]
    checks.equal("create status", created["ResponseMetadata"]["HTTPStatusCode"], 201)
    checks.equal("create arn", bool(re.match(rf"^arn:aws:lambda:us-east-1:{ACCOUNT}:code-signing-config:csc-[a-z0-9]{{17}}$", config_arn)), True)
    checks.equal("create id", config_arn.endswith(config["CodeSigningConfigId"]), True)
    checks.equal("create default policy", config["CodeSigningPolicies"], {"UntrustedArtifactOnDeployment": "Warn"})
    checks.equal("create publishers", config["AllowedPublishers"], {"SigningProfileVersionArns": [PROFILE]})
    checks.equal("create last modified", bool(config["LastModified"]), True)
    updated = lam.update_code_signing_config(CodeSigningConfigArn=config_arn, CodeSigningPolicies={"UntrustedArtifactOnDeployment": "Enforce"})
    checks.equal("update keeps description", updated["CodeSigningConfig"]["Description"], "my config")
    got = lam.get_code_signing_config(CodeSigningConfigArn=config_arn)["CodeSigningConfig"]
    checks.equal("get policy", got["CodeSigningPolicies"], {"UntrustedArtifactOnDeployment": "Enforce"})
    checks.equal("tags", lam.list_tags(Resource=config_arn)["Tags"], {"team": "a"})
    for _ in range(2):
        create_config()
    page = lam.list_code_signing_configs(MaxItems=2)
    rest = lam.list_code_signing_configs(MaxItems=2, Marker=page["NextMarker"])
    checks.equal("list pages", (len(page["CodeSigningConfigs"]), len(rest["CodeSigningConfigs"]), "NextMarker" in rest), (2, 1, False))
    checks.equal("delete status", lam.delete_code_signing_config(CodeSigningConfigArn=config_arn)["ResponseMetadata"]["HTTPStatusCode"], 204)
    checks.error("get deleted", lambda: lam.get_code_signing_config(CodeSigningConfigArn=config_arn), "ResourceNotFoundException")
    checks.error("too many publishers", lambda: lam.create_code_signing_config(
        AllowedPublishers={"SigningProfileVersionArns": [f"{PROFILE}{i}" for i in range(21)]}), "ValidationException")


def function_configs():
    config_arn = create_config()["CodeSigningConfig"]["CodeSigningConfigArn"]
    create_echo("csc-fn")
    put = lam.put_function_code_signing_config(FunctionName="csc-fn", CodeSigningConfigArn=config_arn)
    checks.equal("put function config", (put["CodeSigningConfigArn"], put["FunctionName"]), (config_arn, "csc-fn"))
    checks.equal("get function config", lam.get_function_code_signing_config(FunctionName="csc-fn")["CodeSigningConfigArn"], config_arn)
    checks.equal("functions by config", lam.list_functions_by_code_signing_config(CodeSigningConfigArn=config_arn)["FunctionArns"], [arn("csc-fn")])
    checks.error("delete config in use", lambda: lam.delete_code_signing_config(CodeSigningConfigArn=config_arn), "ResourceConflictException")
    deleted = lam.delete_function_code_signing_config(FunctionName="csc-fn")
    checks.equal("delete function config", deleted["ResponseMetadata"]["HTTPStatusCode"], 204)
    checks.equal("function config after delete", lam.get_function_code_signing_config(FunctionName="csc-fn").get("CodeSigningConfigArn"), None)
    checks.error("put unknown config", lambda: lam.put_function_code_signing_config(FunctionName="csc-fn", CodeSigningConfigArn=MISSING),
                 "CodeSigningConfigNotFoundException")
    checks.error("functions by unknown config", lambda: lam.list_functions_by_code_signing_config(CodeSigningConfigArn=MISSING),
                 "ResourceNotFoundException")


def enforcement():
    enforce = create_config("Enforce")["CodeSigningConfig"]["CodeSigningConfigArn"]
    warn = create_config("Warn")["CodeSigningConfig"]["CodeSigningConfigArn"]
    checks.error("enforce refuses unsigned code", lambda: create_echo("strict-fn", CodeSigningConfigArn=enforce), "CodeVerificationFailedException",
                 "Lambda cannot deploy the function. The function or layer might be signed using a signature that the client is not configured to"
                 " accept. Check the provided signature for strict-fn.")
    checks.equal("warn deploys unsigned code", create_echo("lenient-fn", CodeSigningConfigArn=warn)["FunctionName"], "lenient-fn")
    checks.equal("function names its config", lam.get_function_code_signing_config(FunctionName="lenient-fn")["CodeSigningConfigArn"], warn)
    checks.error("create with unknown config", lambda: create_echo("lost-fn", CodeSigningConfigArn=MISSING), "CodeSigningConfigNotFoundException")


def iam_url():
    create_echo("iam-url-fn")
    url = lam.create_function_url_config(FunctionName="iam-url-fn", AuthType="AWS_IAM")["FunctionUrl"]
    if MOTO:
        return
    host = urllib.parse.urlparse(url).hostname.replace(".on.aws", ".localhost")

    def call(headers):
        request = urllib.request.Request(f"{ENDPOINT}/items", method="GET", headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    checks.equal("iam url unsigned", call({"Host": host}), (403, b'{"Message":"Forbidden"}'))
    signed = AWSRequest(method="GET", url=f"http://{host}/items", headers={"Host": host})
    SigV4Auth(Credentials("AKIAFAKEAWS000000000", "secret"), "lambda", "us-east-1").add_auth(signed)
    status, _ = call(dict(signed.headers.items()))
    checks.equal("iam url signed", status, 200)


STREAMING = """
exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  responseStream.write("one ");
  responseStream.write("two ");
  responseStream.write(context.functionName);
  responseStream.end();
});
"""


def streamed_chunks():
    """A Node.js handler wrapped in awslambda.streamifyResponse: one PayloadChunk per write, as AWS streams them."""
    lam.create_function(FunctionName="chunks", Runtime="nodejs20.x", Role=ROLE, Handler="index.handler", Code={"ZipFile": zip_of({"index.js": STREAMING})})
    if MOTO:
        return
    reply = lam.invoke_with_response_stream(FunctionName="chunks", Payload="{}")
    events = list(reply["EventStream"])
    checks.equal("streamed events", [next(iter(e)) for e in events], ["PayloadChunk", "PayloadChunk", "PayloadChunk", "InvokeComplete"])
    checks.equal("streamed chunks", [e["PayloadChunk"]["Payload"] for e in events[:3]], [b"one ", b"two ", b"chunks"])
    checks.equal("streamed complete", {k: v for k, v in events[3]["InvokeComplete"].items() if k != "ResponseMetadata"}, {})
    checks.equal("buffered invoke of a streaming handler", lam.invoke(FunctionName="chunks", Payload="{}")["Payload"].read(), b"one two chunks")


section("code signing configs", configs)
section("function code signing configs", function_configs)
section("enforcement", enforcement)
section("iam function url", iam_url)
section("streamed chunks", streamed_chunks)
checks.finish()
