"""Lambda's control plane and limits through boto3, with AWS's codes and messages.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT), or against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5002 LAMBDA_TARGET=moto python3 tests/conformance/lambda_control_plane.py
"""
import json

from harness import Checks
from lambda_common import ACCOUNT, BUILT_IN, MOTO, ROLE, arn, package, start

checks = Checks("lambda_control_plane" + (" against moto" if MOTO else ""))
lam = start()
HANDLER = BUILT_IN + "Echo"
ZIP = package()


section = checks.section


def create(name, **settings):
    request = dict(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=HANDLER, Code={"ZipFile": ZIP})
    request.update(settings)
    return lam.create_function(**request)


def functions():
    created = create("orders", Tags={"team": "billing"})
    checks.equal("create_function arn", created["FunctionArn"], arn("orders"))
    checks.equal("create_function state", created["State"], "Pending")
    checks.equal("create_function defaults", (created["Timeout"], created["MemorySize"], created["EphemeralStorage"]["Size"], created["PackageType"]),
                 (3, 128, 512, "Zip"))
    checks.equal("create_function version", created["Version"], "$LATEST")
    config = lam.get_function(FunctionName="orders")
    checks.equal("get_function active", config["Configuration"]["State"], "Active")
    checks.equal("get_function update status", config["Configuration"]["LastUpdateStatus"], "Successful")
    checks.equal("get_function tags", config["Tags"], {"team": "billing"})
    checks.equal("get_function_configuration by arn", lam.get_function_configuration(FunctionName=arn("orders"))["FunctionName"], "orders")
    checks.error("create_function duplicate", lambda: create("orders"), "ResourceConflictException", "Function already exist: orders")
    checks.error("get_function missing", lambda: lam.get_function(FunctionName="nope"),
                 "ResourceNotFoundException", f"Function not found: {arn('nope')}")
    updated = lam.update_function_configuration(FunctionName="orders", MemorySize=512, Environment={"Variables": {"STAGE": "test"}})
    checks.equal("update_function_configuration memory", updated["MemorySize"], 512)
    checks.equal("update_function_configuration update status", updated["LastUpdateStatus"], "InProgress")
    checks.equal("get after update", lam.get_function_configuration(FunctionName="orders")["LastUpdateStatus"], "Successful")
    checks.error("update_function_configuration stale revision", lambda: lam.update_function_configuration(FunctionName="orders", Timeout=5, RevisionId="stale"),
                 "PreconditionFailedException",
                 "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
    create("b-function")
    checks.equal("list_functions", [f["FunctionName"] for f in lam.list_functions()["Functions"]], ["b-function", "orders"])


def limits():
    checks.error("memory below 128", lambda: create("memory-low", MemorySize=64), "ValidationException",
                 "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128")
    checks.error("memory above 10240", lambda: create("memory-high", MemorySize=10241), "InvalidParameterValueException",
                 "'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240")
    checks.error("timeout zero", lambda: create("timeout-zero", Timeout=0), "ValidationException",
                 "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1")
    checks.error("timeout above 900", lambda: lam.update_function_configuration(FunctionName="orders", Timeout=901), "InvalidParameterValueException",
                 "'timeout' failed to satisfy constraint: Member must have value less than or equal to 900")
    checks.error("ephemeral storage above 10240", lambda: create("ephemeral-high", EphemeralStorage={"Size": 10241}), "ValidationException",
                 "1 validation error detected: Value '10241' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value less than or equal to 10240")
    checks.error("environment over 4 KB", lambda: create("environment-big", Environment={"Variables": {"BIG": "x" * 4090}}), "InvalidParameterValueException",
                 "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. "
                 f"String measured: {json.dumps({'BIG': 'x' * 4090}, separators=(',', ':'))}")
    checks.error("six layers", lambda: create("six-layers", Layers=[f"arn:aws:lambda:us-east-1:{ACCOUNT}:layer:l{i}:1" for i in range(6)]),
                 "InvalidParameterValueException", "Cannot reference more than 5 layers.")
    checks.error("not a zip", lambda: lam.create_function(FunctionName="not-a-zip", Runtime="dotnet8", Role=ROLE, Handler=HANDLER, Code={"ZipFile": b"not a zip"}),
                 "InvalidParameterValueException", "Could not unzip uploaded file. Please check your file, then try to upload again.")
    checks.error("snapstart on python3.11", lambda: create("snapstart-python", Runtime="python3.11", Handler="index.handler", SnapStart={"ApplyOn": "PublishedVersions"}),
                 "InvalidParameterValueException", "python3.11 is not supported for SnapStart enabled functions.")
    checks.error("reserved concurrency leaving under 100", lambda: lam.put_function_concurrency(FunctionName="orders", ReservedConcurrentExecutions=901),
                 "InvalidParameterValueException",
                 "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].")


def versions_and_aliases():
    version = lam.publish_version(FunctionName="orders", Description="first")
    checks.equal("publish_version number", version["Version"], "1")
    checks.equal("publish_version arn", version["FunctionArn"], arn("orders", "1"))
    lam.update_function_configuration(FunctionName="orders", Timeout=9)
    checks.equal("publish_version second", lam.publish_version(FunctionName="orders")["Version"], "2")
    checks.equal("list_versions_by_function", [v["Version"] for v in lam.list_versions_by_function(FunctionName="orders")["Versions"]], ["$LATEST", "1", "2"])
    alias = lam.create_alias(FunctionName="orders", Name="live", FunctionVersion="1", RoutingConfig={"AdditionalVersionWeights": {"2": 0.25}})
    checks.equal("create_alias arn", alias["AliasArn"], arn("orders", "live"))
    checks.equal("create_alias routing", alias["RoutingConfig"]["AdditionalVersionWeights"], {"2": 0.25})
    checks.error("create_alias duplicate", lambda: lam.create_alias(FunctionName="orders", Name="live", FunctionVersion="1"),
                 "ResourceConflictException", f"Alias already exists: {arn('orders', 'live')}")
    checks.equal("update_alias", lam.update_alias(FunctionName="orders", Name="live", FunctionVersion="2", RoutingConfig={"AdditionalVersionWeights": {}})["FunctionVersion"], "2")
    checks.equal("list_aliases", [a["Name"] for a in lam.list_aliases(FunctionName="orders")["Aliases"]], ["live"])
    checks.error("get_alias missing", lambda: lam.get_alias(FunctionName="orders", Name="gone"),
                 "ResourceNotFoundException", f"Cannot find alias arn: {arn('orders', 'gone')}")
    lam.delete_alias(FunctionName="orders", Name="live")
    checks.equal("delete_alias", lam.list_aliases(FunctionName="orders")["Aliases"], [])


def concurrency():
    checks.equal("put_function_concurrency", lam.put_function_concurrency(FunctionName="orders", ReservedConcurrentExecutions=10)["ReservedConcurrentExecutions"], 10)
    checks.equal("get_function_concurrency", lam.get_function_concurrency(FunctionName="orders")["ReservedConcurrentExecutions"], 10)
    settings = lam.get_account_settings()
    checks.equal("get_account_settings unreserved", settings["AccountLimit"]["UnreservedConcurrentExecutions"], 990)
    lam.delete_function_concurrency(FunctionName="orders")
    checks.equal("delete_function_concurrency", "ReservedConcurrentExecutions" in lam.get_function_concurrency(FunctionName="orders"), False)
    provisioned = lam.put_provisioned_concurrency_config(FunctionName="orders", Qualifier="1", ProvisionedConcurrentExecutions=2)
    checks.equal("put_provisioned_concurrency_config", (provisioned["RequestedProvisionedConcurrentExecutions"], provisioned["Status"]), (2, "IN_PROGRESS"))
    checks.equal("get_provisioned_concurrency_config", lam.get_provisioned_concurrency_config(FunctionName="orders", Qualifier="1")["Status"], "READY")
    checks.error("provisioned on $LATEST", lambda: lam.put_provisioned_concurrency_config(FunctionName="orders", Qualifier="$LATEST", ProvisionedConcurrentExecutions=1),
                 "InvalidParameterValueException", "Provisioned Concurrency Configs cannot be applied to unpublished function versions.")
    lam.delete_provisioned_concurrency_config(FunctionName="orders", Qualifier="1")
    checks.error("provisioned deleted", lambda: lam.get_provisioned_concurrency_config(FunctionName="orders", Qualifier="1"),
                 "ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function")


def tags():
    lam.tag_resource(Resource=arn("orders"), Tags={"stage": "test"})
    lam.untag_resource(Resource=arn("orders"), TagKeys=["team"])
    checks.equal("list_tags", lam.list_tags(Resource=arn("orders"))["Tags"], {"stage": "test"})


def event_invoke_config():
    put = lam.put_function_event_invoke_config(FunctionName="orders", MaximumRetryAttempts=1,
                                               DestinationConfig={"OnFailure": {"Destination": arn("b-function")}})
    checks.equal("put_function_event_invoke_config arn", put["FunctionArn"], arn("orders", "$LATEST"))
    checks.equal("put_function_event_invoke_config retries", put["MaximumRetryAttempts"], 1)
    got = lam.get_function_event_invoke_config(FunctionName="orders")
    checks.equal("get_function_event_invoke_config destination", got["DestinationConfig"]["OnFailure"]["Destination"], arn("b-function"))
    checks.error("event invoke config retries above 2", lambda: lam.put_function_event_invoke_config(FunctionName="orders", MaximumRetryAttempts=3),
                 "ValidationException",
                 "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2")
    lam.delete_function_event_invoke_config(FunctionName="orders")
    checks.error("event invoke config deleted", lambda: lam.get_function_event_invoke_config(FunctionName="orders"),
                 "ResourceNotFoundException", f"The function {arn('orders', '$LATEST')} doesn't have an EventInvokeConfig")


def deletion():
    checks.error("delete $LATEST", lambda: lam.delete_function(FunctionName="orders", Qualifier="$LATEST"),
                 "InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.")
    lam.delete_function(FunctionName="orders")
    checks.error("get deleted", lambda: lam.get_function(FunctionName="orders"), "ResourceNotFoundException", f"Function not found: {arn('orders')}")


section("functions", functions)
section("limits", limits)
section("versions and aliases", versions_and_aliases)
section("concurrency", concurrency)
section("tags", tags)
section("event invoke config", event_invoke_config)
section("deletion", deletion)
checks.finish()
