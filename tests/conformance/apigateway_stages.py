"""API Gateway REST stages through boto3 and plain HTTP: UpdateIntegrationResponse, canary releases (CreateDeployment and
UpdateStage canarySettings, the traffic split and stage variable overrides) and the stage cache
(caching method settings, TTL on the clock, FlushStageCache), with AWS's codes and messages.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT) with the manual clock; deployed APIs are called at the
host form, a Host header of {apiId}.execute-api.localhost. The management checks also run against
moto_server for comparison (moto serves no deployed APIs, so the HTTP checks are skipped there):
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_stages.py
"""
import json
import os
import urllib.error
import urllib.request

from harness import ENDPOINT, Checks, admin, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_stages" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")


section = checks.section


def http(api_id, path):
    """A plain GET of a deployed API: (status, body text)."""
    request = urllib.request.Request(f"{ENDPOINT}{path}", headers={"Host": f"{api_id}.execute-api.localhost"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def mock_api(message):
    """A MOCK GET / that answers the message, a stage variable, $context.isCanaryRequest and the request id."""
    api = apigw.create_rest_api(name="stages")
    root = apigw.get_resources(restApiId=api["id"])["items"][0]["id"]
    apigw.put_method(restApiId=api["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_method_response(restApiId=api["id"], resourceId=root, httpMethod="GET", statusCode="200")
    apigw.put_integration(restApiId=api["id"], resourceId=root, httpMethod="GET", type="MOCK",
                          requestTemplates={"application/json": '{"statusCode": 200}'})
    answer(api["id"], root, message)
    return api["id"], root


def answer(api_id, root, message):
    apigw.put_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", selectionPattern="",
                                   responseTemplates={"application/json": json.dumps({
                                       "message": message, "variable": "$stageVariables.testVar", "isCanary": "$context.isCanaryRequest",
                                       "request": "$context.requestId"})})


def canary():
    api_id, root = mock_api("default")
    stable = apigw.create_deployment(restApiId=api_id, stageName="dev", variables={"testVar": "default"})["id"]
    checks.error("canary deployment without a stage name", lambda: apigw.create_deployment(restApiId=api_id, canarySettings={"percentTraffic": 50}),
                 "BadRequestException",
                 "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null")
    checks.error("canary deployment to a missing stage", lambda: apigw.create_deployment(restApiId=api_id, stageName="non-existing", canarySettings={"percentTraffic": 50}),
                 "BadRequestException", "Invalid deployment content specified.Stage non-existing must already be created before making a canary release deployment")
    changed = apigw.update_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", patchOperations=[
        {"op": "replace", "path": "/responseTemplates/application~1json",
         "value": json.dumps({"message": "canary", "variable": "$stageVariables.testVar", "isCanary": "$context.isCanaryRequest", "request": "$context.requestId"})}])
    checks.equal("update_integration_response", json.loads(changed["responseTemplates"]["application/json"])["message"], "canary")
    checks.error("update_integration_response bad path", lambda: apigw.update_integration_response(
        restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", patchOperations=[{"op": "replace", "path": "/statusCode", "value": "201"}]),
        "BadRequestException")
    canary_id = apigw.create_deployment(restApiId=api_id, stageName="dev",
                                        canarySettings={"percentTraffic": 0, "stageVariableOverrides": {"testVar": "canary"}})["id"]
    stage = apigw.get_stage(restApiId=api_id, stageName="dev")
    checks.equal("stage keeps its deployment", stage["deploymentId"], stable)
    settings = stage.get("canarySettings", {})
    checks.equal("canary settings", (settings.get("deploymentId"), settings.get("percentTraffic"), settings.get("useStageCache")), (canary_id, 0.0, False))
    checks.error("remove a missing override", lambda: apigw.update_stage(restApiId=api_id, stageName="dev",
                                                                         patchOperations=[{"op": "remove", "path": "/canarySettings/stageVariableOverrides"}]),
                 "BadRequestException", "Cannot remove method setting canarySettings/stageVariableOverrides because there is no method setting for this method ")
    checks.error("add a canary deployment id", lambda: apigw.update_stage(restApiId=api_id, stageName="dev",
                                                                          patchOperations=[{"op": "add", "path": "/canarySettings/deploymentId", "value": stable}]),
                 "BadRequestException", "Invalid add operation with path: /canarySettings/deploymentId")
    if not MOTO:
        status, body = http(api_id, "/dev/")
        checks.equal("0 percent: the stage's deployment", (status, json.loads(body)["message"], json.loads(body)["isCanary"]), (200, "default", "false"))
        apigw.update_stage(restApiId=api_id, stageName="dev", patchOperations=[{"op": "replace", "path": "/canarySettings/percentTraffic", "value": "100.0"}])
        status, body = http(api_id, "/dev/")
        checks.equal("100 percent: the canary with its overrides", (status, json.loads(body)["message"], json.loads(body)["variable"], json.loads(body)["isCanary"]),
                     (200, "canary", "canary", "true"))
    removed = apigw.update_stage(restApiId=api_id, stageName="dev", patchOperations=[{"op": "remove", "path": "/canarySettings"}])
    checks.equal("remove /canarySettings", "canarySettings" in removed, False)


def cache():
    api_id, _ = mock_api("cached")
    apigw.create_deployment(restApiId=api_id, stageName="prod", cacheClusterEnabled=True)
    stage = apigw.update_stage(restApiId=api_id, stageName="prod", patchOperations=[
        {"op": "replace", "path": "/*/*/caching/enabled", "value": "true"},
        {"op": "replace", "path": "/*/*/caching/ttlInSeconds", "value": "60"}])
    checks.equal("cache cluster", (stage["cacheClusterEnabled"], stage.get("cacheClusterSize")), (True, "0.5"))
    setting = stage.get("methodSettings", {}).get("*/*", {})
    checks.equal("caching method setting", (setting.get("cachingEnabled"), setting.get("cacheTtlInSeconds")), (True, 60))
    if not MOTO:
        checks.equal("cache cluster status", stage["cacheClusterStatus"], "AVAILABLE")
        first = json.loads(http(api_id, "/prod/")[1])["request"]
        checks.equal("a second GET is served from the cache", json.loads(http(api_id, "/prod/")[1])["request"], first)
        admin("clock/advance", {"seconds": 61})
        expired = json.loads(http(api_id, "/prod/")[1])["request"]
        checks.equal("the TTL runs on the clock", expired != first, True)
        apigw.flush_stage_cache(restApiId=api_id, stageName="prod")
        checks.equal("FlushStageCache empties it", json.loads(http(api_id, "/prod/")[1])["request"] != expired, True)
    checks.error("FlushStageCache of a missing stage", lambda: apigw.flush_stage_cache(restApiId=api_id, stageName="nope"),
                 "NotFoundException", "Invalid Stage identifier specified")


section("canary", canary)
section("stage cache", cache)
checks.finish()
