"""Lambda's resource policies, function URLs, layers and functions that run their own Python code,
through boto3 and plain HTTP against FakeAws.Server.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT), or against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5002 LAMBDA_TARGET=moto python3 tests/conformance/lambda_round2.py
"""
import json
import urllib.error
import urllib.parse
import urllib.request

from botocore.exceptions import ClientError
from harness import ENDPOINT, Checks
from lambda_common import ACCOUNT, BUILT_IN, MOTO, ROLE, arn, package, start, zip_of

checks = Checks("lambda_round2" + (" against moto" if MOTO else ""))
lam = start()


def section(name, steps):
    """Runs one group of checks; an operation the target lacks fails the group, and the script goes on."""
    try:
        steps()
    except (ClientError, urllib.error.URLError, KeyError) as e:
        checks.failed.append(name)
        print(f"FAIL {checks.suite}: {name}: {e!r}")


def create_echo(name):
    return lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Echo", Code={"ZipFile": package()})


def policies():
    create_echo("policy-fn")
    added = lam.add_permission(FunctionName="policy-fn", StatementId="apigw", Action="lambda:InvokeFunction",
                               Principal="apigateway.amazonaws.com", SourceArn=f"arn:aws:execute-api:us-east-1:{ACCOUNT}:abc123/*/GET/items")
    statement = json.loads(added["Statement"])
    checks.equal("add_permission statement", statement, {
        "Sid": "apigw", "Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "lambda:InvokeFunction",
        "Resource": arn("policy-fn"), "Condition": {"ArnLike": {"AWS:SourceArn": f"arn:aws:execute-api:us-east-1:{ACCOUNT}:abc123/*/GET/items"}},
    })
    lam.add_permission(FunctionName="policy-fn", StatementId="account", Action="lambda:GetFunction", Principal=ACCOUNT)
    policy = lam.get_policy(FunctionName="policy-fn")
    document = json.loads(policy["Policy"])
    checks.equal("get_policy version and id", (document["Version"], document["Id"]), ("2012-10-17", "default"))
    checks.equal("get_policy statements", [s["Sid"] for s in document["Statement"]], ["apigw", "account"])
    checks.equal("get_policy account principal", document["Statement"][1]["Principal"], {"AWS": f"arn:aws:iam::{ACCOUNT}:root"})
    checks.equal("get_policy revision", bool(policy["RevisionId"]), True)
    checks.error("add_permission duplicate sid", lambda: lam.add_permission(FunctionName="policy-fn", StatementId="apigw", Action="lambda:InvokeFunction",
                                                                           Principal="s3.amazonaws.com"),
                 "ResourceConflictException", "The statement id (apigw) provided already exists. Please provide a new statement id, or remove the existing statement.")
    checks.error("remove_permission unknown sid", lambda: lam.remove_permission(FunctionName="policy-fn", StatementId="nope"),
                 "ResourceNotFoundException", "Statement nope is not found in resource policy.")
    lam.remove_permission(FunctionName="policy-fn", StatementId="apigw")
    lam.remove_permission(FunctionName="policy-fn", StatementId="account")
    checks.error("get_policy none", lambda: lam.get_policy(FunctionName="policy-fn"), "ResourceNotFoundException",
                 None if MOTO else "The resource you requested does not exist.")


def function_urls():
    create_echo("url-fn")
    created = lam.create_function_url_config(FunctionName="url-fn", AuthType="NONE", Cors={"AllowOrigins": ["*"]})
    url = created["FunctionUrl"]
    checks.equal("function url form", url.startswith("https://") and ".lambda-url.us-east-1.on.aws/" in url, True)
    checks.equal("get_function_url_config", lam.get_function_url_config(FunctionName="url-fn")["FunctionUrl"], url)
    checks.equal("list_function_url_configs", len(lam.list_function_url_configs(FunctionName="url-fn")["FunctionUrlConfigs"]), 1)
    checks.equal("update_function_url_config", lam.update_function_url_config(FunctionName="url-fn", AuthType="NONE", InvokeMode="BUFFERED")["AuthType"], "NONE")
    checks.error("create_function_url_config twice", lambda: lam.create_function_url_config(FunctionName="url-fn", AuthType="NONE"),
                 "ResourceConflictException")
    if MOTO:
        return
    host = urllib.parse.urlparse(url).hostname.replace(".on.aws", ".localhost")

    def call(body):
        request = urllib.request.Request(f"{ENDPOINT}/orders?id=7", data=json.dumps(body).encode(), method="POST",
                                         headers={"Host": host, "Content-Type": "application/json", "Origin": "https://app.example"})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    status, _, body = call({"n": 1})
    checks.equal("url without public permission", (status, json.loads(body)), (403, {"Message": "Forbidden"}))
    lam.add_permission(FunctionName="url-fn", StatementId="url", Action="lambda:InvokeFunctionUrl", Principal="*", FunctionUrlAuthType="NONE")
    lam.add_permission(FunctionName="url-fn", StatementId="invoke", Action="lambda:InvokeFunction", Principal="*", InvokedViaFunctionUrl=True)
    status, headers, body = call({"n": 1})
    event = json.loads(body)
    checks.equal("url call status", status, 200)
    checks.equal("url event version and route", (event["version"], event["routeKey"], event["rawPath"], event["rawQueryString"]),
                 ("2.0", "$default", "/orders", "id=7"))
    checks.equal("url event body", json.loads(event["body"]), {"n": 1})
    checks.equal("url event domain", event["requestContext"]["domainName"], urllib.parse.urlparse(url).hostname)
    checks.equal("url cors origin", headers.get("Access-Control-Allow-Origin"), "*")
    lam.delete_function_url_config(FunctionName="url-fn")
    checks.error("get deleted url", lambda: lam.get_function_url_config(FunctionName="url-fn"), "ResourceNotFoundException")


def layers():
    first = lam.publish_layer_version(LayerName="tools", Content={"ZipFile": zip_of({"python/tools.py": "VALUE = 1\n"})},
                                      CompatibleRuntimes=["python3.12"], Description="first")
    second = lam.publish_layer_version(LayerName="tools", Content={"ZipFile": zip_of({"python/tools.py": "VALUE = 2\n"})},
                                       CompatibleRuntimes=["python3.12"])
    layer_arn = f"arn:aws:lambda:us-east-1:{ACCOUNT}:layer:tools"
    checks.equal("publish_layer_version arns", (first["LayerArn"], first["LayerVersionArn"], first["Version"]), (layer_arn, f"{layer_arn}:1", 1))
    checks.equal("publish_layer_version second", second["Version"], 2)
    checks.equal("get_layer_version", lam.get_layer_version(LayerName="tools", VersionNumber=1)["Description"], "first")
    checks.equal("get_layer_version_by_arn", lam.get_layer_version_by_arn(Arn=f"{layer_arn}:2")["Version"], 2)
    checks.equal("list_layers latest", lam.list_layers()["Layers"][0]["LatestMatchingVersion"]["Version"], 2)
    checks.equal("list_layer_versions", [v["Version"] for v in lam.list_layer_versions(LayerName="tools")["LayerVersions"]], [2, 1])
    added = lam.add_layer_version_permission(LayerName="tools", VersionNumber=1, StatementId="all", Action="lambda:GetLayerVersion", Principal="*")
    checks.equal("add_layer_version_permission", json.loads(added["Statement"])["Principal"], "*")
    checks.equal("get_layer_version_policy", len(json.loads(lam.get_layer_version_policy(LayerName="tools", VersionNumber=1)["Policy"])["Statement"]), 1)
    lam.remove_layer_version_permission(LayerName="tools", VersionNumber=1, StatementId="all")
    created = lam.create_function(FunctionName="layered", Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Echo", Code={"ZipFile": package()},
                                  Layers=[f"{layer_arn}:1"])
    checks.equal("create_function layers", [l["Arn"] for l in created["Layers"]], [f"{layer_arn}:1"])
    updated = lam.update_function_configuration(FunctionName="layered", Layers=[f"{layer_arn}:2"])
    checks.equal("update_function_configuration layers", [l["Arn"] for l in updated["Layers"]], [f"{layer_arn}:2"])
    if not MOTO:
        checks.error("missing layer version", lambda: lam.update_function_configuration(FunctionName="layered", Layers=[f"{layer_arn}:9"]),
                     "InvalidParameterValueException", f"Layer version {layer_arn}:9 does not exist.")
    lam.delete_layer_version(LayerName="tools", VersionNumber=2)
    checks.error("get deleted layer version", lambda: lam.get_layer_version(LayerName="tools", VersionNumber=2), "ResourceNotFoundException")


def python_code():
    if MOTO:
        return  # moto runs functions in Docker, which this comparison does not use.
    layer = lam.publish_layer_version(LayerName="greeting", Content={"ZipFile": zip_of({"python/greeting.py": "def greet(n):\n    return 'hello ' + n\n"})},
                                      CompatibleRuntimes=["python3.12"])
    code = zip_of({"app.py": (
        "import os\nimport greeting\n\n"
        "def handler(event, context):\n"
        "    return {'greeting': greeting.greet(event['name']), 'region': os.environ['AWS_REGION'],\n"
        "            'function': os.environ['AWS_LAMBDA_FUNCTION_NAME'], 'stage': os.environ['STAGE'], 'request': context.aws_request_id}\n")})
    lam.create_function(FunctionName="py", Runtime="python3.12", Role=ROLE, Handler="app.handler", Code={"ZipFile": code},
                        Layers=[layer["LayerVersionArn"]], Environment={"Variables": {"STAGE": "test"}})
    reply = lam.invoke(FunctionName="py", Payload=json.dumps({"name": "ada"}))
    result = json.loads(reply["Payload"].read())
    checks.equal("python function error", reply.get("FunctionError"), None)
    checks.equal("python imports its layer", result["greeting"], "hello ada")
    checks.equal("python environment", (result["region"], result["function"], result["stage"]), ("us-east-1", "py", "test"))
    checks.equal("python request id", result["request"], reply["ResponseMetadata"]["RequestId"])
    lam.create_function(FunctionName="py-fail", Runtime="python3.12", Role=ROLE, Handler="app.handler",
                        Code={"ZipFile": zip_of({"app.py": "def handler(event, context):\n    raise KeyError('missing')\n"})})
    failed = lam.invoke(FunctionName="py-fail")
    error = json.loads(failed["Payload"].read())
    checks.equal("python error", (failed.get("FunctionError"), error["errorType"], error["errorMessage"]), ("Unhandled", "KeyError", "'missing'"))


def response_stream():
    if MOTO:
        return  # moto has no InvokeWithResponseStream.
    create_echo("streamed")
    reply = lam.invoke_with_response_stream(FunctionName="streamed", Payload=json.dumps({"a": 1}), LogType="Tail")
    events = list(reply["EventStream"])
    checks.equal("stream status", reply["StatusCode"], 200)
    checks.equal("stream events", [next(iter(e)) for e in events], ["PayloadChunk", "InvokeComplete"])
    checks.equal("stream payload", json.loads(events[0]["PayloadChunk"]["Payload"]), {"a": 1})
    checks.equal("stream log tail", bool(events[1]["InvokeComplete"].get("LogResult")), True)
    lam.create_function(FunctionName="streamed-fail", Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Fail", Code={"ZipFile": package()})
    failed = list(lam.invoke_with_response_stream(FunctionName="streamed-fail", Payload="{}")["EventStream"])
    checks.equal("stream error", [next(iter(e)) for e in failed], ["InvokeComplete"])
    checks.equal("stream error code", bool(failed[0]["InvokeComplete"].get("ErrorCode")), True)


def runtime_settings():
    create_echo("settings-fn")
    checks.equal("recursion default", lam.get_function_recursion_config(FunctionName="settings-fn")["RecursiveLoop"], "Terminate")
    checks.equal("recursion put", lam.put_function_recursion_config(FunctionName="settings-fn", RecursiveLoop="Allow")["RecursiveLoop"], "Allow")
    checks.equal("recursion get", lam.get_function_recursion_config(FunctionName="settings-fn")["RecursiveLoop"], "Allow")
    default = lam.get_runtime_management_config(FunctionName="settings-fn")
    checks.equal("runtime management default", (default["UpdateRuntimeOn"], default.get("RuntimeVersionArn"), default["FunctionArn"]),
                 ("Auto", None, arn("settings-fn")))
    runtime = "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9"
    put = lam.put_runtime_management_config(FunctionName="settings-fn", UpdateRuntimeOn="Manual", RuntimeVersionArn=runtime)
    checks.equal("runtime management put", (put["UpdateRuntimeOn"], put["RuntimeVersionArn"]), ("Manual", runtime))
    checks.equal("runtime management get", lam.get_runtime_management_config(FunctionName="settings-fn")["RuntimeVersionArn"], runtime)
    checks.error("runtime management manual without arn",
                 lambda: lam.put_runtime_management_config(FunctionName="settings-fn", UpdateRuntimeOn="Manual"), "InvalidParameterValueException", None)
    checks.error("runtime management missing function",
                 lambda: lam.get_runtime_management_config(FunctionName="no-such-fn"), "ResourceNotFoundException", None)


section("resource policies", policies)
section("function urls", function_urls)
section("layers", layers)
section("python code", python_code)
section("response stream", response_stream)
section("runtime settings", runtime_settings)
checks.finish()
