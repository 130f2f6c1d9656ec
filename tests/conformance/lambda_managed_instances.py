"""Lambda Managed Instances through boto3 against FakeAws.Server: capacity providers, the functions that
name one, their published versions and scaling settings.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT), or against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5002 LAMBDA_TARGET=moto python3 tests/conformance/lambda_managed_instances.py
"""
import urllib.error

from botocore.exceptions import ClientError, ParamValidationError
from harness import Checks
from lambda_common import ACCOUNT, BUILT_IN, MOTO, ROLE, arn, package, start

checks = Checks("lambda_managed_instances" + (" against moto" if MOTO else ""))
lam = start()

OPERATOR = f"arn:aws:iam::{ACCOUNT}:role/lmi-operator"
VPC = {"SubnetIds": ["subnet-0123456789abcdef0"], "SecurityGroupIds": ["sg-0123456789abcdef0"]}


def section(name, steps):
    """Runs one group of checks; an operation the target lacks fails the group, and the script goes on."""
    try:
        steps()
    except (ClientError, KeyError, ParamValidationError, urllib.error.URLError) as e:
        checks.failed.append(name)
        print(f"FAIL {checks.suite}: {name}: {e!r}")


def provider_arn(name):
    return f"arn:aws:lambda:us-east-1:{ACCOUNT}:capacity-provider:{name}"


def create_provider(name, **extra):
    return lam.create_capacity_provider(CapacityProviderName=name, VpcConfig=VPC, PermissionsConfig={"CapacityProviderOperatorRoleArn": OPERATOR}, **extra)


def on_provider(name, **extra):
    return {"LambdaManagedInstancesCapacityProviderConfig": {"CapacityProviderArn": provider_arn(name), **extra}}


def create_function(name, **extra):
    return lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Echo", Code={"ZipFile": package()}, **extra)


def providers():
    created = create_provider("fleet", CapacityProviderScalingConfig={"MaxVCpuCount": 64}, Tags={"team": "a"})
    provider = created["CapacityProvider"]
    checks.equal("create status", created["ResponseMetadata"]["HTTPStatusCode"], 202)
    checks.equal("create arn", provider["CapacityProviderArn"], provider_arn("fleet"))
    checks.equal("create state", provider["State"], "Pending")
    checks.equal("create vpc", provider["VpcConfig"], VPC)
    checks.equal("create role", provider["PermissionsConfig"], {"CapacityProviderOperatorRoleArn": OPERATOR})
    checks.equal("create max vcpus", provider["CapacityProviderScalingConfig"]["MaxVCpuCount"], 64)
    got = lam.get_capacity_provider(CapacityProviderName="fleet")["CapacityProvider"]
    checks.equal("get state", got["State"], "Active")
    checks.equal("get by arn", lam.get_capacity_provider(CapacityProviderName=provider_arn("fleet"))["CapacityProvider"]["CapacityProviderArn"], provider_arn("fleet"))
    checks.equal("tags", lam.list_tags(Resource=provider_arn("fleet"))["Tags"], {"team": "a"})
    updated = lam.update_capacity_provider(CapacityProviderName="fleet", CapacityProviderScalingConfig={
        "ScalingMode": "Manual", "MaxVCpuCount": 128,
        "ScalingPolicies": [{"PredefinedMetricType": "LambdaCapacityProviderAverageCPUUtilization", "TargetValue": 60.0}]})
    checks.equal("update status", updated["ResponseMetadata"]["HTTPStatusCode"], 202)
    checks.equal("update scaling", updated["CapacityProvider"]["CapacityProviderScalingConfig"]["ScalingPolicies"][0]["TargetValue"], 60.0)
    checks.equal("update keeps vpc", updated["CapacityProvider"]["VpcConfig"], VPC)
    checks.error("duplicate", lambda: create_provider("fleet"), "ResourceConflictException")
    create_provider("second")
    page = lam.list_capacity_providers(MaxItems=1)
    checks.equal("list page", len(page["CapacityProviders"]), 1)
    rest = lam.list_capacity_providers(Marker=page["NextMarker"])
    checks.equal("list rest", len(rest["CapacityProviders"]), 1)
    checks.equal("list by state", len(lam.list_capacity_providers(State="Active")["CapacityProviders"]), 2)
    deleted = lam.delete_capacity_provider(CapacityProviderName="second")
    checks.equal("delete status", deleted["ResponseMetadata"]["HTTPStatusCode"], 202)
    checks.equal("delete state", deleted["CapacityProvider"]["State"], "Deleting")
    checks.error("gone", lambda: lam.get_capacity_provider(CapacityProviderName="second"), "ResourceNotFoundException")
    checks.error("delete unknown", lambda: lam.delete_capacity_provider(CapacityProviderName="nowhere"), "ResourceNotFoundException")


def validation():
    checks.error("bad role", lambda: lam.create_capacity_provider(
        CapacityProviderName="roles", VpcConfig=VPC, PermissionsConfig={"CapacityProviderOperatorRoleArn": "not-a-role"}), "ValidationException")
    checks.error("two architectures", lambda: create_provider("both", InstanceRequirements={"Architectures": ["x86_64", "arm64"]}), "ValidationException")
    checks.error("too few vcpus", lambda: create_provider("tiny", CapacityProviderScalingConfig={"MaxVCpuCount": 1}), "ValidationException")
    checks.error("no subnets", lambda: lam.create_capacity_provider(
        CapacityProviderName="subnets", VpcConfig={"SubnetIds": [], "SecurityGroupIds": []},
        PermissionsConfig={"CapacityProviderOperatorRoleArn": OPERATOR}), "ValidationException")


def functions():
    create_provider("pool")
    created = create_function("lmi", CapacityProviderConfig=on_provider("pool", PerExecutionEnvironmentMaxConcurrency=32))
    checks.equal("function config", created["CapacityProviderConfig"], on_provider("pool", PerExecutionEnvironmentMaxConcurrency=32))
    checks.error("missing provider", lambda: create_function("lost", CapacityProviderConfig=on_provider("nowhere")), "InvalidParameterValueException")
    version = lam.publish_version(FunctionName="lmi")["Version"]
    checks.equal("version keeps config", lam.get_function_configuration(FunctionName="lmi", Qualifier=version)["CapacityProviderConfig"],
                 on_provider("pool", PerExecutionEnvironmentMaxConcurrency=32))
    listed = lam.list_function_versions_by_capacity_provider(CapacityProviderName="pool")
    checks.equal("versions arn", listed["CapacityProviderArn"], provider_arn("pool"))
    checks.equal("versions", [(v["FunctionArn"], v["State"]) for v in listed["FunctionVersions"]], [(arn("lmi", version), "Active")])
    checks.error("delete in use", lambda: lam.delete_capacity_provider(CapacityProviderName="pool"), "ResourceConflictException")
    if not MOTO:
        checks.equal("invoke", lam.invoke(FunctionName="lmi", Qualifier=version, Payload=b'{"a":1}')["Payload"].read(), b'{"a":1}')


def scaling():
    create_provider("scaled")
    create_function("scaled-fn", CapacityProviderConfig=on_provider("scaled"))
    version = lam.publish_version(FunctionName="scaled-fn")["Version"]
    put = lam.put_function_scaling_config(FunctionName="scaled-fn", Qualifier=version,
                                          FunctionScalingConfig={"MinExecutionEnvironments": 3, "MaxExecutionEnvironments": 10})
    checks.equal("put status", put["ResponseMetadata"]["HTTPStatusCode"], 202)
    checks.equal("put state", put["FunctionState"], "Active")
    got = lam.get_function_scaling_config(FunctionName="scaled-fn", Qualifier=version)
    checks.equal("get arn", got["FunctionArn"], arn("scaled-fn", version))
    checks.equal("get requested", got["RequestedFunctionScalingConfig"], {"MinExecutionEnvironments": 3, "MaxExecutionEnvironments": 10})
    checks.error("latest", lambda: lam.get_function_scaling_config(FunctionName="scaled-fn", Qualifier="$LATEST"), "ValidationException")
    checks.error("unknown version", lambda: lam.get_function_scaling_config(FunctionName="scaled-fn", Qualifier="9"), "ResourceNotFoundException")
    checks.error("too many", lambda: lam.put_function_scaling_config(FunctionName="scaled-fn", Qualifier=version,
                                                                     FunctionScalingConfig={"MaxExecutionEnvironments": 15001}), "ValidationException")


def latest_published():
    create_provider("republished")
    create_function("rp", CapacityProviderConfig=on_provider("republished"))
    first = lam.publish_version(FunctionName="rp", PublishTo="LATEST_PUBLISHED")
    checks.equal("latest published version", first["Version"], "$LATEST.PUBLISHED")
    checks.equal("latest published arn", first["FunctionArn"], arn("rp", "$LATEST.PUBLISHED"))
    lam.update_function_configuration(FunctionName="rp", Description="second")
    lam.publish_version(FunctionName="rp", PublishTo="LATEST_PUBLISHED")
    got = lam.get_function_configuration(FunctionName="rp", Qualifier="$LATEST.PUBLISHED")
    checks.equal("republished in place", got["Description"], "second")
    checks.equal("numbers unused", lam.publish_version(FunctionName="rp")["Version"], "1")
    if not MOTO:
        reply = lam.invoke(FunctionName="rp", Payload=b'{"b":2}')
        checks.equal("unqualified invoke runs it", reply["ExecutedVersion"], "$LATEST.PUBLISHED")
    put = lam.put_function_scaling_config(FunctionName="rp", Qualifier="$LATEST.PUBLISHED", FunctionScalingConfig={"MaxExecutionEnvironments": 4})
    checks.equal("scaling on latest published", put["ResponseMetadata"]["HTTPStatusCode"], 202)


section("capacity providers", providers)
section("provider validation", validation)
section("functions on a provider", functions)
section("function scaling", scaling)
section("latest published", latest_published)
checks.finish()
