"""API Gateway through boto3 and plain HTTP: a REST API and an HTTP API built with the management
APIs (apigateway, apigatewayv2), then called over HTTP, with AWS's codes and messages.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). The deployed APIs are called at LocalStack's path form,
/restapis/{apiId}/{stage}/_user_request_/{path}, and at the host form, a Host header of
{apiId}.execute-api.localhost. The management checks also run against moto_server for comparison
(moto does not serve deployed APIs, so the HTTP checks are skipped there):
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_rest_http.py
"""
import io
import json
import os
import urllib.error
import urllib.request
import zipfile

from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_rest_http" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
v2 = client("apigatewayv2")
lam = client("lambda")
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/lambda-role"


section = checks.section


def function(name, handler):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bootstrap.txt", "in-process code")
    lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=handler, Code={"ZipFile": buffer.getvalue()}, Timeout=60)
    # API Gateway may invoke it, as the console grants when it wires an integration or authorizer.
    lam.add_permission(FunctionName=name, StatementId="apigateway", Action="lambda:InvokeFunction",
                       Principal="apigateway.amazonaws.com", SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:*")
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}"


def invoke_uri(function_arn):
    return f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{function_arn}/invocations"


def http(method, path, host=None, headers=None, body=None):
    """A plain HTTP call to the server: (status, headers, body text)."""
    request = urllib.request.Request(f"{ENDPOINT}{path}", data=body, method=method, headers=headers or {})
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def clock():
    with urllib.request.urlopen(f"{ENDPOINT}/_fakeaws/clock") as response:
        return json.load(response)["epochSeconds"]


def rest_management():
    api = apigw.create_rest_api(name="shop", description="orders")
    checks.equal("create_rest_api defaults", (api["apiKeySource"], api["endpointConfiguration"]["types"]), ("HEADER", ["EDGE"]))
    regional = apigw.create_rest_api(name="regional", endpointConfiguration={"types": ["REGIONAL"]})
    checks.equal("create_rest_api regional", regional["endpointConfiguration"]["types"], ["REGIONAL"])
    checks.equal("get_rest_apis", sorted(a["name"] for a in apigw.get_rest_apis()["items"]), ["regional", "shop"])
    root = apigw.get_resources(restApiId=api["id"])["items"][0]
    checks.equal("root resource", (root["path"], root["id"]), ("/", api["rootResourceId"]))
    items = apigw.create_resource(restApiId=api["id"], parentId=root["id"], pathPart="items")
    item = apigw.create_resource(restApiId=api["id"], parentId=items["id"], pathPart="{id}")
    checks.equal("create_resource {id}", item["path"], "/items/{id}")
    proxy = apigw.create_resource(restApiId=api["id"], parentId=root["id"], pathPart="{proxy+}")
    checks.equal("create_resource {proxy+}", proxy["path"], "/{proxy+}")
    method = apigw.put_method(restApiId=api["id"], resourceId=item["id"], httpMethod="GET", authorizationType="NONE")
    checks.equal("put_method", (method["httpMethod"], method["authorizationType"], method["apiKeyRequired"]), ("GET", "NONE", False))

    checks.error("get_rest_api unknown", lambda: apigw.get_rest_api(restApiId="abcdefghij"), "NotFoundException",
                 f"Invalid API identifier specified {ACCOUNT}:abcdefghij")
    checks.error("create_rest_api empty description", lambda: apigw.create_rest_api(name="x", description=""), "BadRequestException",
                 "Description cannot be an empty string")
    checks.error("create_resource bad path part", lambda: apigw.create_resource(restApiId=api["id"], parentId=root["id"], pathPart="a b"),
                 "BadRequestException",
                 "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.")
    checks.error("create_resource unknown parent", lambda: apigw.create_resource(restApiId=api["id"], parentId="nope00", pathPart="x"),
                 "NotFoundException", "Invalid Resource identifier specified")
    checks.error("put_method invalid method", lambda: apigw.put_method(restApiId=api["id"], resourceId=root["id"], httpMethod="FETCH", authorizationType="NONE"),
                 "BadRequestException", "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY")
    checks.error("put_method custom without authorizer", lambda: apigw.put_method(restApiId=api["id"], resourceId=root["id"], httpMethod="GET", authorizationType="CUSTOM"),
                 "BadRequestException",
                 "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.")
    checks.error("get_method unknown", lambda: apigw.get_method(restApiId=api["id"], resourceId=root["id"], httpMethod="GET"),
                 "NotFoundException", "Invalid Method identifier specified")
    checks.error("put_integration without http method", lambda: apigw.put_integration(
        restApiId=api["id"], resourceId=item["id"], httpMethod="GET", type="AWS_PROXY", uri=invoke_uri(f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:x")),
        "BadRequestException", "Enumeration value for HttpMethod must be non-empty")
    checks.error("put_integration uri not an arn", lambda: apigw.put_integration(
        restApiId=api["id"], resourceId=item["id"], httpMethod="GET", type="AWS_PROXY", integrationHttpMethod="POST", uri="https://example.com"),
        "BadRequestException", "Invalid ARN specified in the request")
    checks.error("put_integration proxy to sqs", lambda: apigw.put_integration(
        restApiId=api["id"], resourceId=item["id"], httpMethod="GET", type="AWS_PROXY", integrationHttpMethod="POST",
        uri=f"arn:aws:apigateway:{REGION}:sqs:path/{ACCOUNT}/queue"),
        "BadRequestException", "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.")
    checks.error("create_deployment without integrations", lambda: apigw.create_deployment(restApiId=api["id"], stageName="prod"),
                 "BadRequestException", "No integration defined for method")
    checks.error("create_deployment no methods", lambda: apigw.create_deployment(restApiId=regional["id"], stageName="prod"),
                 "BadRequestException", "The REST API doesn't contain any methods")
    checks.error("get_stage unknown", lambda: apigw.get_stage(restApiId=api["id"], stageName="prod"), "NotFoundException", "Invalid Stage identifier specified")
    checks.error("create_api_key short value", lambda: apigw.create_api_key(name="k", value="short"), "BadRequestException",
                 "API Key value should be at least 20 characters")
    checks.error("get_usage_plan unknown", lambda: apigw.get_usage_plan(usagePlanId="zzzzzz"), "NotFoundException", "Invalid Usage Plan ID specified")
    checks.error("get_api_key unknown", lambda: apigw.get_api_key(apiKey="zzzzzzzzzz"), "NotFoundException", "Invalid API Key identifier specified")
    apigw.delete_rest_api(restApiId=regional["id"])
    checks.error("delete_rest_api then get", lambda: apigw.get_rest_api(restApiId=regional["id"]), "NotFoundException",
                 f"Invalid API identifier specified {ACCOUNT}:{regional['id']}")


def rest_invoke():
    echo = function("echo", "FakeAws::FakeAws.ApiGateway.ProxyHandlers::Echo")
    fail = function("fail", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fail")
    sleep = function("sleep", "FakeAws::FakeAws.ApiGateway.ProxyHandlers::Sleep")
    authorize = function("authorize", "FakeAws::FakeAws.ApiGateway.ProxyHandlers::Authorize")
    api = apigw.create_rest_api(name="invoked", endpointConfiguration={"types": ["REGIONAL"]})
    root = api["rootResourceId"]

    def route(part, target, parent=root, **method):
        resource = apigw.create_resource(restApiId=api["id"], parentId=parent, pathPart=part)
        apigw.put_method(restApiId=api["id"], resourceId=resource["id"], httpMethod="ANY", authorizationType=method.pop("authorizationType", "NONE"), **method)
        apigw.put_integration(restApiId=api["id"], resourceId=resource["id"], httpMethod="ANY", type="AWS_PROXY", integrationHttpMethod="POST", uri=invoke_uri(target))
        return resource

    items = route("items", echo)
    route("{id}", echo, parent=items["id"])
    route("fail", fail)
    route("sleep", sleep)
    route("keyed", echo, apiKeyRequired=True)
    authorizer = apigw.create_authorizer(restApiId=api["id"], name="token", type="TOKEN", authorizerUri=invoke_uri(authorize),
                                         identitySource="method.request.header.Authorization", authorizerResultTtlInSeconds=0)
    checks.equal("create_authorizer ttl", authorizer["authorizerResultTtlInSeconds"], 0)
    route("private", echo, authorizationType="CUSTOM", authorizerId=authorizer["id"])
    deployment = apigw.create_deployment(restApiId=api["id"], stageName="prod", variables={"table": "orders"})
    checks.equal("get_stage deployment", apigw.get_stage(restApiId=api["id"], stageName="prod")["deploymentId"], deployment["id"])

    status, _, body = http("GET", f"/restapis/{api['id']}/prod/_user_request_/items/42?color=red&color=blue")
    event = json.loads(body)
    checks.equal("path form status", status, 200)
    checks.equal("event resource and path", (event["resource"], event["path"], event["httpMethod"]), ("/items/{id}", "/items/42", "GET"))
    checks.equal("event path parameters", event["pathParameters"], {"id": "42"})
    checks.equal("event query", (event["queryStringParameters"], event["multiValueQueryStringParameters"]), ({"color": "blue"}, {"color": ["red", "blue"]}))
    checks.equal("event stage variables", event["stageVariables"], {"table": "orders"})
    checks.equal("event request context", (event["requestContext"]["stage"], event["requestContext"]["path"], event["requestContext"]["apiId"]),
                 ("prod", "/prod/items/42", api["id"]))

    host = f"{api['id']}.execute-api.localhost"
    status, _, body = http("POST", "/prod/items", host=host, headers={"Content-Type": "application/json"}, body=b'{"a":1}')
    checks.equal("host form status", status, 200)
    checks.equal("host form body", json.loads(body)["body"], '{"a":1}')

    status, headers, body = http("GET", "/prod/nothing", host=host)
    checks.equal("unknown resource", (status, body, headers["x-amzn-ErrorType"]), (403, '{"message":"Missing Authentication Token"}', "MissingAuthenticationTokenException"))
    status, headers, body = http("GET", "/dev/items", host=host)
    checks.equal("unknown stage", (status, body), (403, '{"message":"Forbidden"}'))
    status, headers, body = http("GET", "/prod/fail", host=host)
    checks.equal("function error", (status, body, headers["x-amzn-ErrorType"]), (502, '{"message": "Internal server error"}', "InternalServerErrorException"))
    before = clock()
    status, headers, body = http("GET", "/prod/sleep?seconds=40", host=host)
    checks.equal("integration timeout", (status, body), (504, '{"message": "Endpoint request timed out"}'))
    checks.equal("timeout on the virtual clock", round(clock() - before), 29)

    status, _, body = http("GET", "/prod/private", host=host, headers={"Authorization": "allow"})
    checks.equal("authorizer allow", (status, json.loads(body)["requestContext"]["authorizer"]["principalId"]), (200, "fakeaws-user"))
    status, headers, body = http("GET", "/prod/private", host=host, headers={"Authorization": "deny"})
    checks.equal("authorizer explicit deny", (status, body, headers["x-amzn-ErrorType"]),
                 (403, '{"Message":"User is not authorized to access this resource with an explicit deny"}', "AccessDeniedException"))
    status, _, body = http("GET", "/prod/private", host=host, headers={"Authorization": "who"})
    checks.equal("authorizer unauthorized", (status, body), (401, '{"message":"Unauthorized"}'))
    status, _, body = http("GET", "/prod/private", host=host)
    checks.equal("authorizer missing token", (status, body), (401, '{"message":"Unauthorized"}'))

    status, headers, body = http("GET", "/prod/keyed", host=host)
    checks.equal("api key missing", (status, body, headers["x-amzn-ErrorType"]), (403, '{"message":"Forbidden"}', "ForbiddenException"))
    key = apigw.create_api_key(name="partner", enabled=True, value="partner-key-0123456789")
    plan = apigw.create_usage_plan(name="gold", apiStages=[{"apiId": api["id"], "stage": "prod"}],
                                   throttle={"rateLimit": 0.01, "burstLimit": 1}, quota={"limit": 100, "period": "DAY"})
    apigw.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    status, _, body = http("GET", "/prod/keyed", host=host, headers={"x-api-key": key["value"]})
    checks.equal("api key accepted", (status, json.loads(body)["requestContext"]["identity"]["apiKeyId"]), (200, key["id"]))
    status, headers, body = http("GET", "/prod/keyed", host=host, headers={"x-api-key": key["value"]})
    checks.equal("usage plan throttle", (status, body, headers["x-amzn-ErrorType"]), (429, '{"message":"Too Many Requests"}', "TooManyRequestsException"))


def http_api():
    echo = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:echo"
    api = v2.create_api(Name="http", ProtocolType="HTTP", CorsConfiguration={"AllowOrigins": ["https://app.example.com"], "AllowMethods": ["GET"]})
    checks.equal("create_api", (api["ProtocolType"], api["RouteSelectionExpression"]), ("HTTP", "$request.method $request.path"))
    integration = v2.create_integration(ApiId=api["ApiId"], IntegrationType="AWS_PROXY", IntegrationUri=echo, PayloadFormatVersion="2.0")
    checks.equal("create_integration", (integration["PayloadFormatVersion"], integration["TimeoutInMillis"]), ("2.0", 30000))
    route = v2.create_route(ApiId=api["ApiId"], RouteKey="GET /items/{id}", Target=f"integrations/{integration['IntegrationId']}")
    checks.equal("create_route", route["RouteKey"], "GET /items/{id}")
    v2.create_route(ApiId=api["ApiId"], RouteKey="$default", Target=f"integrations/{integration['IntegrationId']}")
    stage = v2.create_stage(ApiId=api["ApiId"], StageName="$default", AutoDeploy=True)
    checks.equal("create_stage auto deploy", stage["AutoDeploy"], True)
    checks.equal("get_routes", sorted(r["RouteKey"] for r in v2.get_routes(ApiId=api["ApiId"])["Items"]), ["$default", "GET /items/{id}"])

    checks.error("get_api unknown", lambda: v2.get_api(ApiId="abcdefghij"), "NotFoundException", "Invalid API identifier specified abcdefghij")
    checks.error("create_integration mock", lambda: v2.create_integration(ApiId=api["ApiId"], IntegrationType="MOCK"), "BadRequestException",
                 "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)")
    checks.error("get_route unknown", lambda: v2.get_route(ApiId=api["ApiId"], RouteId="zzzzzzz"), "NotFoundException", "Invalid Route identifier specified zzzzzzz")
    if MOTO:
        return

    host = f"{api['ApiId']}.execute-api.localhost"
    status, headers, body = http("GET", "/items/7?tag=a&tag=b", host=host, headers={"Cookie": "session=abc; theme=dark"})
    event = json.loads(body)
    checks.equal("http api status", (status, "apigw-requestid" in headers), (200, True))
    checks.equal("event 2.0", (event["version"], event["routeKey"], event["rawPath"], event["rawQueryString"]), ("2.0", "GET /items/{id}", "/items/7", "tag=a&tag=b"))
    checks.equal("event 2.0 query and cookies", (event["queryStringParameters"], event["cookies"]), ({"tag": "a,b"}, ["session=abc", "theme=dark"]))
    checks.equal("event 2.0 request context", (event["requestContext"]["stage"], event["requestContext"]["http"]["method"]), ("$default", "GET"))
    status, _, body = http("DELETE", "/anything", host=host)
    checks.equal("default route", (status, json.loads(body)["routeKey"]), (200, "$default"))
    status, _, body = http("GET", f"/restapis/{api['ApiId']}/$default/_user_request_/items/8")
    checks.equal("http api path form", (status, json.loads(body)["pathParameters"]), (200, {"id": "8"}))
    status, headers, _ = http("OPTIONS", "/items/7", host=host, headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"})
    checks.equal("cors preflight", (status, headers["access-control-allow-origin"]), (204, "https://app.example.com"))

    quick = v2.create_api(Name="quick", ProtocolType="HTTP", Target=echo)
    status, _, body = http("GET", "/hello", host=f"{quick['ApiId']}.execute-api.localhost")
    checks.equal("quick create", (status, json.loads(body)["requestContext"]["routeKey"]), (200, "$default"))
    bare = v2.create_api(Name="bare", ProtocolType="HTTP")
    v2.create_route(ApiId=bare["ApiId"], RouteKey="GET /only", Target=f"integrations/{v2.create_integration(ApiId=bare['ApiId'], IntegrationType='AWS_PROXY', IntegrationUri=echo, PayloadFormatVersion='2.0')['IntegrationId']}")
    v2.create_stage(ApiId=bare["ApiId"], StageName="$default", AutoDeploy=True)
    status, _, body = http("GET", "/other", host=f"{bare['ApiId']}.execute-api.localhost")
    checks.equal("http api no route", (status, body), (404, '{"message":"Not Found"}'))


section("rest management", rest_management)
if not MOTO:
    section("rest invoke", rest_invoke)
section("http api", http_api)
checks.finish()
