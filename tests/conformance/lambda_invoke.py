"""Lambda's Invoke outcomes through boto3: payloads, errors, timeouts, limits, qualifiers and throttling.

The functions run FakeAws's built-in .NET handlers (FakeAws.Lambda.BuiltInHandlers), since no test
code is loaded in FakeAws.Server; time is virtual and moved with /_fakeaws/clock/advance. moto runs
function code in Docker, so against moto (LAMBDA_TARGET=moto) only what needs no code is comparable.
"""
import base64
import json
import urllib.request

from botocore.exceptions import ClientError
from harness import ENDPOINT, Checks
from lambda_common import BUILT_IN, MOTO, ROLE, arn, package, start

checks = Checks("lambda_invoke" + (" against moto" if MOTO else ""))
lam = start()


def create(name, handler, **settings):
    return lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + handler, Code={"ZipFile": package()}, **settings)


def advance(seconds):
    body = json.dumps({"seconds": seconds}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/clock/advance", data=body, method="POST"))


def invoke(name, payload=b"{}", **settings):
    response = lam.invoke(FunctionName=name, Payload=payload, **settings)
    body = response["Payload"].read() if "Payload" in response else b""
    return response, body


def section(name, steps):
    """Runs one group of checks; an operation the target cannot run fails the group, and the script goes on."""
    try:
        steps()
    except (ClientError, ValueError, KeyError) as e:
        checks.failed.append(name)
        print(f"FAIL {checks.suite}: {name}: {e}")


def outcomes():
    create("echo", "Echo")
    response, body = invoke("echo", b'{"order": 1}', LogType="Tail")
    checks.equal("invoke status", response["StatusCode"], 200)
    checks.equal("invoke payload", json.loads(body), {"order": 1})
    checks.equal("invoke executed version", response["ExecutedVersion"], "$LATEST")
    request_id = response["ResponseMetadata"]["RequestId"]
    checks.equal("invoke log tail", base64.b64decode(response["LogResult"]).decode().count(f"START RequestId: {request_id} Version: $LATEST"), 1)
    checks.equal("invoke event", lam.invoke(FunctionName="echo", InvocationType="Event", Payload=b"{}")["StatusCode"], 202)
    checks.equal("invoke dry run", lam.invoke(FunctionName="echo", InvocationType="DryRun")["StatusCode"], 204)
    checks.equal("invoke empty payload", invoke("echo", b"")[1], b"{}")
    checks.error("invoke missing", lambda: lam.invoke(FunctionName="nope"), "ResourceNotFoundException", f"Function not found: {arn('nope', '$LATEST')}")
    checks.error("invoke invalid json", lambda: lam.invoke(FunctionName="echo", Payload=b"'x'"), "InvalidRequestContentException",
                 "Could not parse request body into json: Could not parse payload into json: Unexpected character (''' (code 39)): "
                 "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n"
                 " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]")
    checks.error("invoke invalid utf-8", lambda: lam.invoke(FunctionName="echo", Payload=b'{"a":"\x97x"}'), "InvalidRequestContentException",
                 "Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 start byte 0x97\n"
                 " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 8]")
    # A handler may name only registered assemblies and the built-in handlers: not a method that stops the server.
    lam.create_function(FunctionName="exit", Runtime="dotnet8", Role=ROLE, Handler="System.Private.CoreLib::System.Environment::Exit",
                        Code={"ZipFile": package()})
    response, body = invoke("exit", b"0")
    checks.equal("invoke unregistered handler assembly", (response.get("FunctionError"), json.loads(body)["errorType"]),
                 ("Unhandled", "LambdaValidationException"))
    checks.equal("server alive after it", invoke("echo", b'{"still": "here"}')[1], b'{"still":"here"}')


def errors():
    create("fail", "Fail")
    response, body = invoke("fail", b'{"message": "out of stock"}')
    error = json.loads(body)
    checks.equal("function error header", response.get("FunctionError"), "Unhandled")
    checks.equal("function error type", error["errorType"], "InvalidOperationException")
    checks.equal("function error message", error["errorMessage"], "out of stock")
    checks.equal("function error stack trace", isinstance(error["stackTrace"], list), True)

    create("sleep", "Sleep", Timeout=3)
    response, body = invoke("sleep", b'{"seconds": 10}')
    request_id = response["ResponseMetadata"]["RequestId"]
    checks.equal("timeout result", json.loads(body),
                 {"errorType": "Sandbox.Timedout", "errorMessage": f"RequestId: {request_id} Error: Task timed out after 3.00 seconds"})
    checks.equal("timeout function error", response.get("FunctionError"), "Unhandled")

    create("fill", "Fill")
    response, body = invoke("fill", b'{"bytes": 6291556}')
    checks.equal("response too large", json.loads(body), {
        "errorMessage": "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
        "errorType": "Function.ResponseSizeTooLarge"})
    checks.equal("response too large function error", response.get("FunctionError"), "Unhandled")


def payload_limits():
    big = json.dumps("x" * 6_291_456).encode()
    checks.error("sync payload over 6 MB", lambda: lam.invoke(FunctionName="echo", Payload=big), "RequestEntityTooLargeException",
                 f"{len(big)} byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)")
    event = json.dumps("x" * 1_048_576).encode()
    checks.error("event payload over 1 MB", lambda: lam.invoke(FunctionName="echo", InvocationType="Event", Payload=event),
                 "RequestEntityTooLargeException", f"{len(event)} byte payload is too large for the Event invocation type (limit 1048576 bytes)")


def qualifiers():
    lam.publish_version(FunctionName="echo")
    lam.create_alias(FunctionName="echo", Name="live", FunctionVersion="1")
    checks.equal("invoke version", invoke("echo", Qualifier="1")[0]["ExecutedVersion"], "1")
    checks.equal("invoke alias", invoke("echo", Qualifier="live")[0]["ExecutedVersion"], "1")
    checks.equal("invoke alias arn", invoke(arn("echo", "live"))[0]["ExecutedVersion"], "1")
    checks.error("invoke missing alias", lambda: lam.invoke(FunctionName="echo", Qualifier="gone"),
                 "ResourceNotFoundException", f"Function not found: {arn('echo', 'gone')}")
    lam.update_function_configuration(FunctionName="echo", Description="v2")
    lam.publish_version(FunctionName="echo")
    lam.update_alias(FunctionName="echo", Name="live", RoutingConfig={"AdditionalVersionWeights": {"2": 0.5}})
    versions = [invoke("echo", Qualifier="live")[0]["ExecutedVersion"] for _ in range(20)]
    checks.equal("weighted alias split", sorted(set(versions)), ["1", "2"])
    # The split follows a low-discrepancy sequence: within one invocation of the weight.
    checks.equal("weighted alias share", abs(versions.count("2") - 10) <= 1, True)


def throttling():
    create("hold", "Sleep", Timeout=60)
    lam.put_function_concurrency(FunctionName="hold", ReservedConcurrentExecutions=1)
    lam.invoke(FunctionName="hold", InvocationType="Event", Payload=b'{"seconds": 30}')
    advance(1)  # the event starts and holds the function's one slot for 30 virtual seconds
    try:
        lam.invoke(FunctionName="hold", Payload=b'{"seconds": 1}')
        checks.failed.append("throttled")
        print(f"FAIL {checks.suite}: throttled: the invoke succeeded")
    except ClientError as e:
        checks.equal("throttled code", e.response["Error"]["Code"], "TooManyRequestsException")
        checks.equal("throttled message", e.response["Error"]["Message"], "Rate Exceeded.")
        checks.equal("throttled status", e.response["ResponseMetadata"]["HTTPStatusCode"], 429)
        checks.equal("throttled reason", e.response.get("Reason"), "ReservedFunctionConcurrentInvocationLimitExceeded")
    advance(30)
    checks.equal("after the slot frees", invoke("hold", b'{"seconds": 1}')[0]["StatusCode"], 200)


section("outcomes", outcomes)
section("errors", errors)
section("payload limits", payload_limits)
section("qualifiers", qualifiers)
if not MOTO:
    section("throttling", throttling)
checks.finish()
