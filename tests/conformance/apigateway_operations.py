"""API Gateway's remaining management operations through boto3: v1 and v2 tags on every taggable
resource (TagResource, UntagResource, GetTags) with AWS's limits, UpdateResource (renaming and
moving a subtree), v1 and v2 UpdateDeployment, TestInvokeMethod, GetAccount/UpdateAccount,
GetUsage/UpdateUsage and ImportApiKeys; v2 models, DeleteRouteSettings, DeleteAccessLogSettings and
DeleteRouteRequestParameter.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). Also runs against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_operations.py
"""
import os
import urllib.request

from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_operations" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
apigw2 = client("apigatewayv2")
ARN = f"arn:aws:apigateway:{REGION}::"
section = checks.section


def mock_api(name="api"):
    """A REST API whose root GET answers from a MOCK integration; returns (api id, root id)."""
    api = apigw.create_rest_api(name=name, tags={"team": "a"})
    root = apigw.get_resources(restApiId=api["id"])["items"][0]["id"]
    apigw.put_method(restApiId=api["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api["id"], resourceId=root, httpMethod="GET", type="MOCK",
                          requestTemplates={"application/json": '{"statusCode": 200}'})
    return api["id"], root


def v1_tags():
    api_id, _ = mock_api()
    arn = f"{ARN}/restapis/{api_id}"
    checks.equal("get_tags shows the create tags", apigw.get_tags(resourceArn=arn)["tags"], {"team": "a"})
    apigw.tag_resource(resourceArn=arn, tags={"team": "b", "env": "prod"})
    checks.equal("tag_resource adds and replaces", apigw.get_tags(resourceArn=arn)["tags"], {"team": "b", "env": "prod"})
    checks.equal("get_rest_api shows them", apigw.get_rest_api(restApiId=api_id)["tags"], {"team": "b", "env": "prod"})
    apigw.untag_resource(resourceArn=arn, tagKeys=["team", "absent"])
    checks.equal("untag_resource removes, ignoring absent keys", apigw.get_tags(resourceArn=arn)["tags"], {"env": "prod"})
    apigw.create_deployment(restApiId=api_id, stageName="prod")
    stage_arn = f"{arn}/stages/prod"
    apigw.tag_resource(resourceArn=stage_arn, tags={"stage": "prod"})
    checks.equal("stage tags", apigw.get_tags(resourceArn=stage_arn)["tags"], {"stage": "prod"})
    checks.equal("get_stage shows them", apigw.get_stage(restApiId=api_id, stageName="prod")["tags"], {"stage": "prod"})
    key = apigw.create_api_key(name="k")
    apigw.tag_resource(resourceArn=f"{ARN}/apikeys/{key['id']}", tags={"key": "yes"})
    checks.equal("api key tags", apigw.get_api_key(apiKey=key["id"])["tags"], {"key": "yes"})
    plan = apigw.create_usage_plan(name="p")
    apigw.tag_resource(resourceArn=f"{ARN}/usageplans/{plan['id']}", tags={"plan": "yes"})
    checks.equal("usage plan tags", apigw.get_usage_plan(usagePlanId=plan["id"])["tags"], {"plan": "yes"})
    if not MOTO:
        checks.error("aws: prefix", lambda: apigw.tag_resource(resourceArn=arn, tags={"aws:x": "v"}),
                     "BadRequestException", "Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)")
        checks.error("51 tags", lambda: apigw.tag_resource(resourceArn=arn, tags={f"k{i}": "v" for i in range(51)}), "BadRequestException")
        checks.error("unknown api", lambda: apigw.get_tags(resourceArn=f"{ARN}/restapis/nosuch"),
                     "NotFoundException", "Invalid API identifier specified 123456789012:nosuch")


def v2_tags():
    api = apigw2.create_api(Name="http", ProtocolType="HTTP", Tags={"team": "a"})
    arn = f"{ARN}/apis/{api['ApiId']}"
    checks.equal("v2 get_tags shows the create tags", apigw2.get_tags(ResourceArn=arn)["Tags"], {"team": "a"})
    apigw2.tag_resource(ResourceArn=arn, Tags={"env": "prod"})
    apigw2.untag_resource(ResourceArn=arn, TagKeys=["team"])
    checks.equal("v2 tag and untag", apigw2.get_tags(ResourceArn=arn)["Tags"], {"env": "prod"})
    checks.equal("v2 get_api shows them", apigw2.get_api(ApiId=api["ApiId"])["Tags"], {"env": "prod"})
    apigw2.create_stage(ApiId=api["ApiId"], StageName="dev")
    apigw2.tag_resource(ResourceArn=f"{arn}/stages/dev", Tags={"stage": "dev"})
    checks.equal("v2 stage tags", apigw2.get_stage(ApiId=api["ApiId"], StageName="dev")["Tags"], {"stage": "dev"})
    if not MOTO:
        checks.error("v2 unknown api", lambda: apigw2.get_tags(ResourceArn=f"{ARN}/apis/nosuch"),
                     "NotFoundException", "Invalid API identifier specified nosuch")


def update_resource():
    api_id, root = mock_api("resources")
    items = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="items")
    child = apigw.create_resource(restApiId=api_id, parentId=items["id"], pathPart="{id}")
    v1 = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="v1")
    renamed = apigw.update_resource(restApiId=api_id, resourceId=items["id"],
                                    patchOperations=[{"op": "replace", "path": "/pathPart", "value": "things"}])
    checks.equal("rename: path", renamed["path"], "/things")
    moved = apigw.update_resource(restApiId=api_id, resourceId=items["id"],
                                  patchOperations=[{"op": "replace", "path": "/parentId", "value": v1["id"]}])
    checks.equal("move: path and parent", (moved["path"], moved["parentId"]), ("/v1/things", v1["id"]))
    checks.equal("move: the child follows", apigw.get_resource(restApiId=api_id, resourceId=child["id"])["path"], "/v1/things/{id}")
    if not MOTO:
        checks.error("cyclical", lambda: apigw.update_resource(restApiId=api_id, resourceId=items["id"],
                                                               patchOperations=[{"op": "replace", "path": "/parentId", "value": child["id"]}]),
                     "BadRequestException", "Resources cannot be cyclical.")
        other = apigw.create_resource(restApiId=api_id, parentId=v1["id"], pathPart="other")
        checks.error("same name under the parent", lambda: apigw.update_resource(restApiId=api_id, resourceId=other["id"],
                                                                                 patchOperations=[{"op": "replace", "path": "/pathPart", "value": "things"}]),
                     "ConflictException", "Another resource with the same parent already has this name: things")
        checks.error("unknown patch path", lambda: apigw.update_resource(restApiId=api_id, resourceId=other["id"],
                                                                         patchOperations=[{"op": "replace", "path": "/path", "value": "x"}]),
                     "BadRequestException", "Invalid patch path  '/path' specified for op 'replace'. Must be one of: [/parentId, /pathPart]")


def update_deployment():
    api_id, _ = mock_api("deployments")
    deployment = apigw.create_deployment(restApiId=api_id, stageName="prod", description="one")
    updated = apigw.update_deployment(restApiId=api_id, deploymentId=deployment["id"],
                                      patchOperations=[{"op": "replace", "path": "/description", "value": "two"}])
    checks.equal("v1 update_deployment", updated["description"], "two")
    checks.equal("v1 get_deployment", apigw.get_deployment(restApiId=api_id, deploymentId=deployment["id"])["description"], "two")
    api = apigw2.create_api(Name="http", ProtocolType="HTTP")
    v2 = apigw2.create_deployment(ApiId=api["ApiId"], Description="one")
    checks.equal("v2 update_deployment", apigw2.update_deployment(ApiId=api["ApiId"], DeploymentId=v2["DeploymentId"], Description="two")["Description"], "two")


def test_invoke():
    api_id, root = mock_api("test-invoke")
    apigw.put_method_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200")
    apigw.put_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200",
                                   responseTemplates={"application/json": '{"stage": "$context.stage", "v": "$stageVariables.v"}'})
    answer = apigw.test_invoke_method(restApiId=api_id, resourceId=root, httpMethod="GET", pathWithQueryString="/?a=1",
                                      stageVariables={"v": "1"})
    checks.equal("test_invoke_method: status", answer["status"], 200)
    checks.equal("test_invoke_method: body", answer["body"], '{"stage": "test-invoke-stage", "v": "1"}')
    checks.equal("test_invoke_method: content type", answer["headers"].get("Content-Type"), "application/json")
    checks.equal("test_invoke_method: log", "Method completed with status: 200" in answer["log"], True)
    checks.error("test_invoke_method: unknown method", lambda: apigw.test_invoke_method(restApiId=api_id, resourceId=root, httpMethod="PUT"),
                 "NotFoundException", None if MOTO else "Invalid Method identifier specified")


def account_and_usage():
    account = apigw.get_account()
    checks.equal("get_account: throttle", (account["throttleSettings"]["burstLimit"], account["throttleSettings"]["rateLimit"]), (5000, 10000.0))
    role = "arn:aws:iam::123456789012:role/apigw-logs"
    updated = apigw.update_account(patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": role}])
    checks.equal("update_account: role", updated.get("cloudwatchRoleArn"), role)
    plan = apigw.create_usage_plan(name="metered", quota={"limit": 10, "period": "DAY"})
    key = apigw.create_api_key(name="k", enabled=True)
    apigw.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    usage = apigw.get_usage(usagePlanId=plan["id"], startDate="2030-01-01", endDate="2030-01-02")
    checks.equal("get_usage: no calls yet", usage["items"].get(key["id"]), [[0, 10], [0, 10]])
    if not MOTO:
        updated = apigw.update_usage(usagePlanId=plan["id"], keyId=key["id"], patchOperations=[{"op": "replace", "path": "/remaining", "value": "25"}])
        checks.equal("update_usage: remaining", updated["items"][key["id"]][0][1], 25)
        imported = apigw.import_api_keys(body=b"name,key,enabled\nimported,imported-key-value-0123456789,true\n", format="csv")
        checks.equal("import_api_keys: one id", len(imported["ids"]), 1)
        checks.equal("import_api_keys: the value", apigw.get_api_key(apiKey=imported["ids"][0], includeValue=True)["value"], "imported-key-value-0123456789")


def v2_models_and_deletes():
    api = apigw2.create_api(Name="ws", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")
    schema = '{"type": "object", "properties": {"name": {"type": "string"}}}'
    model = apigw2.create_model(ApiId=api["ApiId"], Name="Pet", ContentType="application/json", Schema=schema)
    checks.equal("v2 create_model", (model["Name"], model["Schema"]), ("Pet", schema))
    checks.equal("v2 get_models", [m["ModelId"] for m in apigw2.get_models(ApiId=api["ApiId"])["Items"]], [model["ModelId"]])
    checks.equal("v2 update_model", apigw2.update_model(ApiId=api["ApiId"], ModelId=model["ModelId"], Description="d")["Description"], "d")
    checks.equal("v2 get_model_template", '"name" : "$inputRoot.name"' in apigw2.get_model_template(ApiId=api["ApiId"], ModelId=model["ModelId"])["Value"], True)
    apigw2.delete_model(ApiId=api["ApiId"], ModelId=model["ModelId"])
    checks.error("v2 get deleted model", lambda: apigw2.get_model(ApiId=api["ApiId"], ModelId=model["ModelId"]), "NotFoundException")
    route = apigw2.create_route(ApiId=api["ApiId"], RouteKey="$connect", RequestParameters={"route.request.header.Auth": {"Required": True}})
    apigw2.delete_route_request_parameter(ApiId=api["ApiId"], RouteId=route["RouteId"], RequestParameterKey="route.request.header.Auth")
    checks.equal("v2 delete_route_request_parameter", apigw2.get_route(ApiId=api["ApiId"], RouteId=route["RouteId"]).get("RequestParameters", {}), {})
    apigw2.create_stage(ApiId=api["ApiId"], StageName="dev", RouteSettings={"$connect": {"ThrottlingRateLimit": 1.0, "ThrottlingBurstLimit": 1}},
                        AccessLogSettings={"DestinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:g", "Format": "$context.requestId"})
    apigw2.delete_route_settings(ApiId=api["ApiId"], StageName="dev", RouteKey="$connect")
    apigw2.delete_access_log_settings(ApiId=api["ApiId"], StageName="dev")
    stage = apigw2.get_stage(ApiId=api["ApiId"], StageName="dev")
    checks.equal("v2 delete_route_settings and access log settings", (stage.get("RouteSettings", {}), "AccessLogSettings" in stage), ({}, False))


section("v1 tags", v1_tags)
section("v2 tags", v2_tags)
section("update_resource", update_resource)
section("update_deployment", update_deployment)
section("test_invoke", test_invoke)
section("account and usage", account_and_usage)
section("v2 models and deletes", v2_models_and_deletes)
checks.finish()
