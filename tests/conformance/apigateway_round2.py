"""API Gateway round 2 through boto3 and plain HTTP: non-proxy integrations with mapping templates
(Lambda, MOCK), models and request validators, and gateway responses, with AWS's codes and messages.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT); deployed APIs are called at the host form, a Host
header of {apiId}.execute-api.localhost. The management checks also run against moto_server for
comparison (moto serves no deployed APIs, so the HTTP checks are skipped there):
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_round2.py
"""
import io
import json
import os
import urllib.error
import urllib.request
import zipfile

from botocore.exceptions import ClientError
from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_round2" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
lam = client("lambda")
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/lambda-role"
PET_SCHEMA = json.dumps({"$schema": "http://json-schema.org/draft-04/schema#", "title": "Pet", "type": "object",
                         "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}, "required": ["name"]})


section = checks.section


def http(method, path, host, headers=None, body=None):
    """A plain HTTP call to a deployed API: (status, headers, body text)."""
    request = urllib.request.Request(f"{ENDPOINT}{path}", data=body, method=method, headers=headers or {})
    request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def permission_served():
    """Whether the target serves Lambda's AddPermission (resource policies), which API Gateway then needs."""
    try:
        lam.get_policy(FunctionName="nothing-here")
    except ClientError as e:
        return e.response["Error"]["Code"] != "UnknownOperationException"
    return True


PERMISSIONS = not MOTO and permission_served()


def function_integration(api_id, resource_id, method, name, handler, grant=True, **integration):
    """The one place a function goes behind a method: creates it, grants API Gateway (when resource policies are served), puts the integration."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bootstrap.txt", "in-process code")
    arn = lam.create_function(FunctionName=name, Runtime="dotnet8", Role=ROLE, Handler=handler, Code={"ZipFile": buffer.getvalue()})["FunctionArn"]
    if grant and PERMISSIONS:
        lam.add_permission(FunctionName=name, StatementId="apigateway", Action="lambda:InvokeFunction", Principal="apigateway.amazonaws.com",
                           SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api_id}/*")
    apigw.put_integration(restApiId=api_id, resourceId=resource_id, httpMethod=method, integrationHttpMethod="POST",
                          uri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{arn}/invocations", **integration)
    return arn


def responses(api_id, resource_id, method, status, pattern=None, template=None):
    apigw.put_method_response(restApiId=api_id, resourceId=resource_id, httpMethod=method, statusCode=status)
    extra = {"selectionPattern": pattern} if pattern else {}
    if template is not None:
        extra["responseTemplates"] = {"application/json": template}
    apigw.put_integration_response(restApiId=api_id, resourceId=resource_id, httpMethod=method, statusCode=status, **extra)


def models_and_validators():
    api = apigw.create_rest_api(name="models")
    model = apigw.create_model(restApiId=api["id"], name="Pet", contentType="application/json", schema=PET_SCHEMA)
    checks.equal("create_model", (model["name"], model["contentType"]), ("Pet", "application/json"))
    names = sorted(m["name"] for m in apigw.get_models(restApiId=api["id"])["items"])
    checks.equal("get_models lists the built-in Empty and Error", names, ["Empty", "Error", "Pet"])
    checks.error("create_model twice", lambda: apigw.create_model(restApiId=api["id"], name="Pet", contentType="application/json", schema="{}"),
                 "ConflictException", "Model name already exists for this REST API")
    checks.error("get_model unknown", lambda: apigw.get_model(restApiId=api["id"], modelName="Nope"), "NotFoundException", "Invalid model name specified: Nope")
    updated = apigw.update_model(restApiId=api["id"], modelName="Pet", patchOperations=[{"op": "replace", "path": "/description", "value": "a pet"}])
    checks.equal("update_model description", updated["description"], "a pet")
    template = apigw.get_model_template(restApiId=api["id"], modelName="Pet")["value"]
    checks.equal("get_model_template", template.splitlines()[:3], ["#set($inputRoot = $input.path('$'))", "{", '  "name" : "$inputRoot.name",'])

    validator = apigw.create_request_validator(restApiId=api["id"], name="body", validateRequestBody=True)
    checks.equal("create_request_validator", (validator["validateRequestBody"], validator["validateRequestParameters"]), (True, False))
    updated = apigw.update_request_validator(restApiId=api["id"], requestValidatorId=validator["id"],
                                             patchOperations=[{"op": "replace", "path": "/validateRequestParameters", "value": "true"}])
    checks.equal("update_request_validator", updated["validateRequestParameters"], True)
    checks.equal("get_request_validators", [v["id"] for v in apigw.get_request_validators(restApiId=api["id"])["items"]], [validator["id"]])
    root = api["rootResourceId"] if "rootResourceId" in api else apigw.get_resources(restApiId=api["id"])["items"][0]["id"]
    checks.error("put_method unknown validator", lambda: apigw.put_method(restApiId=api["id"], resourceId=root, httpMethod="GET", authorizationType="NONE",
                                                                          requestValidatorId="nope"),
                 "BadRequestException", "Invalid Request Validator identifier specified")
    apigw.delete_request_validator(restApiId=api["id"], requestValidatorId=validator["id"])
    checks.error("get_request_validator deleted", lambda: apigw.get_request_validator(restApiId=api["id"], requestValidatorId=validator["id"]),
                 "NotFoundException", "Invalid Request Validator identifier specified")


def gateway_responses():
    api = apigw.create_rest_api(name="responses")
    items = apigw.get_gateway_responses(restApiId=api["id"], limit=500)["items"]
    by_type = {i["responseType"]: i for i in items}
    checks.equal("get_gateway_responses types", len(by_type), 21)
    checks.equal("default status codes", tuple(by_type.get(t, {}).get("statusCode", "absent") for t in ("MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "DEFAULT_4XX")),
                 ("403", "429", "absent"))
    put = apigw.put_gateway_response(restApiId=api["id"], responseType="UNAUTHORIZED", statusCode="401",
                                     responseParameters={"gatewayresponse.header.WWW-Authenticate": "'Bearer'"})
    checks.equal("put_gateway_response", (put["statusCode"], put["defaultResponse"]), ("401", False))
    got = apigw.get_gateway_response(restApiId=api["id"], responseType="UNAUTHORIZED")
    checks.equal("get_gateway_response", got["responseParameters"], {"gatewayresponse.header.WWW-Authenticate": "'Bearer'"})
    apigw.delete_gateway_response(restApiId=api["id"], responseType="UNAUTHORIZED")
    checks.equal("deleted back to the default", apigw.get_gateway_response(restApiId=api["id"], responseType="UNAUTHORIZED")["defaultResponse"], True)


def client_certificates():
    certificate = apigw.generate_client_certificate(description="backend")
    checks.equal("generate_client_certificate pem", certificate["pemEncodedCertificate"].startswith("-----BEGIN CERTIFICATE-----"), True)
    checks.equal("client certificate valid 365 days", (certificate["expirationDate"] - certificate["createdDate"]).days, 365)
    updated = apigw.update_client_certificate(clientCertificateId=certificate["clientCertificateId"],
                                              patchOperations=[{"op": "replace", "path": "/description", "value": "renamed"}])
    checks.equal("update_client_certificate", updated["description"], "renamed")
    checks.equal("get_client_certificates", [c["clientCertificateId"] for c in apigw.get_client_certificates()["items"]], [certificate["clientCertificateId"]])
    apigw.delete_client_certificate(clientCertificateId=certificate["clientCertificateId"])
    checks.error("get_client_certificate deleted", lambda: apigw.get_client_certificate(clientCertificateId=certificate["clientCertificateId"]), "NotFoundException")


def invoke():
    api = apigw.create_rest_api(name="round2", endpointConfiguration={"types": ["REGIONAL"]})
    root = api["rootResourceId"]
    host = f"{api['id']}.execute-api.localhost"

    # A non-proxy Lambda integration whose request and response templates transform the payload.
    greet = apigw.create_resource(restApiId=api["id"], parentId=root, pathPart="greet")
    named = apigw.create_resource(restApiId=api["id"], parentId=greet["id"], pathPart="{id}")
    apigw.put_method(restApiId=api["id"], resourceId=named["id"], httpMethod="POST", authorizationType="NONE")
    function_integration(api["id"], named["id"], "POST", "echo", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Echo", type="AWS",
                         requestTemplates={"application/json": '{"greeting": "hello $input.path(\'$.name\')", "id": "$input.params(\'id\')", "stage": "$context.stage"}'},
                         passthroughBehavior="WHEN_NO_TEMPLATES")
    responses(api["id"], named["id"], "POST", "200", template='{"message": "$input.path(\'$.greeting\')", "for": "$input.path(\'$.id\')", "at": "$input.path(\'$.stage\')"}')

    # Function errors chosen by selection pattern.
    failing = apigw.create_resource(restApiId=api["id"], parentId=root, pathPart="fail")
    apigw.put_method(restApiId=api["id"], resourceId=failing["id"], httpMethod="POST", authorizationType="NONE")
    function_integration(api["id"], failing["id"], "POST", "fail", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fail", type="AWS")
    responses(api["id"], failing["id"], "POST", "200")
    responses(api["id"], failing["id"], "POST", "404", pattern="Not found.*", template='{"error": "$input.path(\'$.errorMessage\')"}')

    # A model-validated body, answered by a MOCK integration.
    apigw.create_model(restApiId=api["id"], name="Pet", contentType="application/json", schema=PET_SCHEMA)
    validator = apigw.create_request_validator(restApiId=api["id"], name="all", validateRequestBody=True, validateRequestParameters=True)
    pets = apigw.create_resource(restApiId=api["id"], parentId=root, pathPart="pets")
    apigw.put_method(restApiId=api["id"], resourceId=pets["id"], httpMethod="POST", authorizationType="NONE", requestValidatorId=validator["id"],
                     requestModels={"application/json": "Pet"}, requestParameters={"method.request.querystring.owner": True})
    apigw.put_integration(restApiId=api["id"], resourceId=pets["id"], httpMethod="POST", type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    responses(api["id"], pets["id"], "POST", "200", template='{"created": true}')

    # The gateway response for unknown routes, customised.
    apigw.put_gateway_response(restApiId=api["id"], responseType="MISSING_AUTHENTICATION_TOKEN", statusCode="404",
                               responseParameters={"gatewayresponse.header.X-Error": "'route'"},
                               responseTemplates={"application/json": '{"error": "no such route", "detail": $context.error.messageString}'})

    if PERMISSIONS:
        # Before the function's resource policy lets API Gateway in, the integration answers 500.
        guarded = apigw.create_resource(restApiId=api["id"], parentId=root, pathPart="guarded")
        apigw.put_method(restApiId=api["id"], resourceId=guarded["id"], httpMethod="POST", authorizationType="NONE")
        function_integration(api["id"], guarded["id"], "POST", "guarded", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Echo", grant=False, type="AWS")
        responses(api["id"], guarded["id"], "POST", "200")
    apigw.create_deployment(restApiId=api["id"], stageName="prod")

    json_headers = {"Content-Type": "application/json"}
    status, headers, body = http("POST", "/prod/greet/42", host, json_headers, b'{"name": "Ada"}')
    checks.equal("non-proxy lambda status", (status, headers["Content-Type"]), (200, "application/json"))
    checks.equal("non-proxy lambda templates", json.loads(body), {"message": "hello Ada", "for": "42", "at": "prod"})
    status, headers, body = http("POST", "/prod/greet/42", host, {"Content-Type": "text/plain"}, b"Ada")
    checks.equal("WHEN_NO_TEMPLATES with another media type", (status, body, headers["x-amzn-ErrorType"]),
                 (415, '{"message":"Unsupported Media Type"}', "UnsupportedMediaTypeException"))
    status, _, body = http("POST", "/prod/fail", host, json_headers, b'{"message": "Not found: order 7"}')
    checks.equal("function error by selection pattern", (status, json.loads(body)), (404, {"error": "Not found: order 7"}))
    status, _, body = http("POST", "/prod/fail", host, json_headers, b'{"message": "boom"}')
    checks.equal("unmatched function error takes the default response", (status, json.loads(body)["errorMessage"]), (200, "boom"))

    status, _, body = http("POST", "/prod/pets?owner=me", host, json_headers, b'{"name": "Rex", "age": 3}')
    checks.equal("valid body", (status, body), (200, '{"created": true}'))
    status, headers, body = http("POST", "/prod/pets?owner=me", host, json_headers, b'{"age": -1}')
    checks.equal("model-validated body refused", (status, body, headers["x-amzn-ErrorType"]), (400, '{"message": "Invalid request body"}', "BadRequestException"))
    status, _, body = http("POST", "/prod/pets", host, json_headers, b'{"name": "Rex"}')
    checks.equal("missing required parameter", (status, body), (400, '{"message": "Missing required request parameters: [owner]"}'))

    status, headers, body = http("GET", "/prod/nowhere", host)
    checks.equal("customised gateway response for unknown routes", (status, json.loads(body), headers["X-Error"]),
                 (404, {"error": "no such route", "detail": "Missing Authentication Token"}, "route"))

    if PERMISSIONS:
        status, _, body = http("POST", "/prod/guarded", host, json_headers, b"{}")
        checks.equal("500 before the permission is added", (status, body), (500, '{"message": "Internal server error"}'))
        lam.add_permission(FunctionName="guarded", StatementId="apigateway", Action="lambda:InvokeFunction", Principal="apigateway.amazonaws.com",
                           SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api['id']}/*")
        status, _, _ = http("POST", "/prod/guarded", host, json_headers, b"{}")
        checks.equal("200 once the permission is added", status, 200)


section("models and validators", models_and_validators)
section("gateway responses", gateway_responses)
section("client certificates", client_certificates)
if not MOTO:
    section("invoke", invoke)
checks.finish()
