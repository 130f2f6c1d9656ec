"""API Gateway OpenAPI import and export through boto3: ImportRestApi of a Swagger 2.0 pet store
(JSON) and of an OpenAPI 3.0 definition (YAML) with an authorizer and a base path, warnings and
failonwarnings, a refused piece, PutRestApi in merge and overwrite mode, GetExport of the deployed
stage as oas30 and swagger, JSON and YAML, with and without extensions, and a round trip; the
imported API answers over plain HTTP.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). Also runs against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_openapi.py
moto serves no deployed APIs, so the HTTP checks run against FakeAws only.
"""
import json
import os
import urllib.request

from harness import ENDPOINT, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_openapi" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
apigw2 = client("apigatewayv2")
section = checks.section

PETSTORE = {
    "swagger": "2.0",
    "info": {"title": "PetStore", "description": "Pets", "version": "1.0"},
    "basePath": "/v1",
    "paths": {
        "/pets": {
            "get": {
                "operationId": "ListPets",
                "produces": ["application/json"],
                "parameters": [{"name": "type", "in": "query", "required": False, "type": "string"}],
                "responses": {"200": {"description": "200 response", "schema": {"$ref": "#/definitions/Pets"}}},
                "x-amazon-apigateway-integration": {
                    "type": "mock",
                    "requestTemplates": {"application/json": '{"statusCode": 200}'},
                    "responses": {"default": {"statusCode": "200",
                                              "responseTemplates": {"application/json": '[{"id": 1, "type": "$input.params(\'type\')"}]'}}},
                    "passthroughBehavior": "when_no_match",
                },
            },
        },
        "/pets/{petId}": {
            "get": {
                "parameters": [{"name": "petId", "in": "path", "required": True, "type": "string"}],
                "responses": {"200": {"description": "200 response"}},
                "security": [{"api_key": []}],
                "x-amazon-apigateway-integration": {
                    "type": "mock",
                    "requestTemplates": {"application/json": '{"statusCode": 200}'},
                    "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": '{"id": "$input.params(\'petId\')"}'}}},
                },
            },
        },
    },
    "securityDefinitions": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
    "definitions": {
        "Pet": {"type": "object", "properties": {"id": {"type": "integer"}, "type": {"type": "string"}}},
        "Pets": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
    },
    "x-amazon-apigateway-binary-media-types": ["image/png"],
}

# The pet store as OpenAPI 3.0 JSON: the form moto imports (it refuses Swagger 2.0).
PETSTORE_OAS3 = {
    "openapi": "3.0.1",
    "info": {"title": "PetStore3", "description": "Pets", "version": "1.0"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "ListPets",
                "parameters": [{"name": "type", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "200 response", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pets"}}}}},
                "x-amazon-apigateway-integration": PETSTORE["paths"]["/pets"]["get"]["x-amazon-apigateway-integration"],
            },
        },
    },
    "components": {"schemas": {"Pets": {"type": "array", "items": {"type": "object"}}}},
}

YAML_API = """openapi: 3.0.1
info:
  title: yaml-api
  version: '2'
servers:
  - url: https://example.com/{basePath}
    variables:
      basePath:
        default: v1
paths:
  /things/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: ok
      security:
        - tokens: []
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: '200'
components:
  securitySchemes:
    tokens:
      type: apiKey
      name: X-Token
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
        authorizerResultTtlInSeconds: 300
"""

state = {}


def paths(api):
    return sorted(r["path"] for r in apigw.get_resources(restApiId=api, limit=500)["items"])


def resource(api, path):
    return next(r["id"] for r in apigw.get_resources(restApiId=api, limit=500)["items"] if r["path"] == path)


def imports():
    api = apigw.import_rest_api(body=json.dumps(PETSTORE).encode())
    state["api"] = api["id"]
    checks.equal("import: name, description, version", (api["name"], api.get("description"), api.get("version")), ("PetStore", "Pets", "1.0"))
    checks.equal("import: binary media types", api.get("binaryMediaTypes"), ["image/png"])
    checks.equal("import: resources (base path ignored)", paths(api["id"]), ["/", "/pets", "/pets/{petId}"])
    get = apigw.get_method(restApiId=api["id"], resourceId=resource(api["id"], "/pets"), httpMethod="GET")
    checks.equal("import: operation name", get.get("operationName"), "ListPets")
    checks.equal("import: query parameter", get.get("requestParameters"), {"method.request.querystring.type": False})
    checks.equal("import: response model", get["methodResponses"]["200"].get("responseModels"), {"application/json": "Pets"})
    checks.equal("import: integration type", get["methodIntegration"]["type"], "MOCK")
    pet = apigw.get_method(restApiId=api["id"], resourceId=resource(api["id"], "/pets/{petId}"), httpMethod="GET")
    checks.equal("import: api key required", pet.get("apiKeyRequired"), True)
    checks.equal("import: models", sorted(m["name"] for m in apigw.get_models(restApiId=api["id"])["items"]), ["Empty", "Error", "Pet", "Pets"])


def oas3_import():
    api = apigw.import_rest_api(body=json.dumps(PETSTORE_OAS3).encode())
    state.setdefault("api", api["id"])
    checks.equal("oas3: name", api["name"], "PetStore3")
    checks.equal("oas3: resources", paths(api["id"]), ["/", "/pets"])
    get = apigw.get_method(restApiId=api["id"], resourceId=resource(api["id"], "/pets"), httpMethod="GET")
    checks.equal("oas3: query parameter", get.get("requestParameters"), {"method.request.querystring.type": False})
    checks.equal("oas3: response model", get["methodResponses"]["200"].get("responseModels"), {"application/json": "Pets"})
    checks.equal("oas3: integration", get["methodIntegration"]["type"], "MOCK")


def yaml_import():
    api = apigw.import_rest_api(body=YAML_API.encode(), parameters={"basepath": "prepend", "endpointConfigurationTypes": "REGIONAL"})
    checks.equal("yaml: endpoint type", api["endpointConfiguration"]["types"], ["REGIONAL"])
    checks.equal("yaml: base path prepended", paths(api["id"]), ["/", "/v1", "/v1/things", "/v1/things/{id}"])
    authorizer = apigw.get_authorizers(restApiId=api["id"])["items"][0]
    checks.equal("yaml: authorizer", (authorizer["name"], authorizer["type"], authorizer.get("identitySource"), authorizer.get("authorizerResultTtlInSeconds")),
                 ("tokens", "TOKEN", "method.request.header.X-Token", 300))
    method = apigw.get_method(restApiId=api["id"], resourceId=resource(api["id"], "/v1/things/{id}"), httpMethod="GET")
    checks.equal("yaml: method uses the authorizer", (method["authorizationType"], method.get("authorizerId")), ("CUSTOM", authorizer["id"]))


def warnings():
    definition = json.dumps({"swagger": "2.0", "info": {"title": "w"}, "paths": {"/a": {"get": {}}}}).encode()
    lenient = apigw.import_rest_api(body=definition)
    checks.equal("warnings reported", len(lenient.get("warnings", [])) > 0, True)
    checks.error("failonwarnings refuses", lambda: apigw.import_rest_api(body=definition, failOnWarnings=True), "BadRequestException")
    broken = json.loads(json.dumps(PETSTORE))
    broken["paths"]["/pets"]["get"]["x-amazon-apigateway-integration"] = {"type": "aws_proxy", "httpMethod": "POST", "uri": "not-an-arn"}
    checks.error("a refused integration fails the import", lambda: apigw.import_rest_api(body=json.dumps(broken).encode()), "BadRequestException")


def imported_api(group):
    """The API the ImportRestApi group made; a group that needs it fails when the import did."""
    if "api" not in state:
        checks.failed.append(group)
        print(f"FAIL {checks.suite}: {group}: no imported API")
    return state.get("api")


def put_rest_api():
    api = imported_api("PutRestApi")
    if api is None:
        return
    addition = {"swagger": "2.0", "info": {"title": "Other"}, "paths": {"/other": {"get": {"responses": {"200": {"description": "ok"}}}}}}
    merged = apigw.put_rest_api(restApiId=api, mode="merge", body=json.dumps(addition).encode())
    checks.equal("merge keeps the rest", paths(api), ["/", "/other", "/pets", "/pets/{petId}"])
    checks.equal("merge keeps the name", merged["name"], "PetStore")
    replaced = apigw.put_rest_api(restApiId=api, mode="overwrite", body=json.dumps(PETSTORE).encode())
    checks.equal("overwrite replaces", paths(api), ["/", "/pets", "/pets/{petId}"])
    checks.equal("overwrite renames", replaced["name"], "PetStore")
    checks.error("unknown api", lambda: apigw.put_rest_api(restApiId="nope123456", mode="overwrite", body=json.dumps(PETSTORE).encode()), "NotFoundException")


def exports():
    api = imported_api("GetExport")
    if api is None:
        return
    apigw.create_deployment(restApiId=api, stageName="prod")
    oas = apigw.get_export(restApiId=api, stageName="prod", exportType="oas30")
    spec = json.loads(oas["body"].read())
    checks.equal("oas30: content type", oas["contentType"].split(";")[0], "application/json")
    checks.equal("oas30: version", spec["openapi"], "3.0.1")
    checks.equal("oas30: title", spec["info"]["title"], "PetStore")
    checks.equal("oas30: stage in the server", spec["servers"][0]["variables"]["basePath"]["default"], "prod")
    checks.equal("oas30: paths", sorted(spec["paths"]), ["/pets", "/pets/{petId}"])
    checks.equal("oas30: no integration without extensions", "x-amazon-apigateway-integration" in spec["paths"]["/pets"]["get"], False)
    checks.equal("oas30: model reference", spec["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                 {"$ref": "#/components/schemas/Pets"})
    checks.equal("oas30: api key scheme", spec["components"]["securitySchemes"]["api_key"], {"type": "apiKey", "name": "x-api-key", "in": "header"})
    swagger = json.loads(apigw.get_export(restApiId=api, stageName="prod", exportType="swagger", parameters={"extensions": "apigateway"})["body"].read())
    checks.equal("swagger: base path", swagger["basePath"], "/prod")
    checks.equal("swagger: integration", swagger["paths"]["/pets"]["get"]["x-amazon-apigateway-integration"]["type"], "mock")
    checks.equal("swagger: binary media types", swagger.get("x-amazon-apigateway-binary-media-types"), ["image/png"])
    yaml = apigw.get_export(restApiId=api, stageName="prod", exportType="oas30", accepts="application/yaml")
    checks.equal("yaml: content type", yaml["contentType"].split(";")[0], "application/yaml")
    checks.equal("yaml: text", yaml["body"].read().decode().startswith("openapi: 3.0.1"), True)
    checks.error("unknown stage", lambda: apigw.get_export(restApiId=api, stageName="nope", exportType="oas30"), "NotFoundException")
    checks.error("unknown export type", lambda: apigw.get_export(restApiId=api, stageName="prod", exportType="raml"), "BadRequestException")
    again = apigw.import_rest_api(body=json.dumps(swagger).encode())
    apigw.create_deployment(restApiId=again["id"], stageName="prod")
    reexported = json.loads(apigw.get_export(restApiId=again["id"], stageName="prod", exportType="swagger",
                                             parameters={"extensions": "apigateway"})["body"].read())
    checks.equal("round trip: paths", reexported["paths"], swagger["paths"])
    checks.equal("round trip: definitions", reexported["definitions"], swagger["definitions"])


HTTP_API = {
    "openapi": "3.0.1",
    "info": {"title": "pets-http", "description": "HTTP pets", "version": "1.0"},
    "paths": {
        "/pets/{id}": {"get": {
            "responses": {"default": {"description": "Default response for GET /pets/{id}"}},
            "x-amazon-apigateway-integration": {"payloadFormatVersion": "2.0", "type": "aws_proxy", "httpMethod": "POST",
                                                "uri": "arn:aws:lambda:us-east-1:123456789012:function:pets", "connectionType": "INTERNET"},
        }},
    },
    "x-amazon-apigateway-cors": {"allowOrigins": ["https://example.com"]},
}


def http_apis():
    api = apigw2.import_api(Body=json.dumps(HTTP_API))
    checks.equal("v2 import: name and protocol", (api["Name"], api["ProtocolType"]), ("pets-http", "HTTP"))
    checks.equal("v2 import: cors", api.get("CorsConfiguration", {}).get("AllowOrigins"), ["https://example.com"])
    routes = apigw2.get_routes(ApiId=api["ApiId"])["Items"]
    checks.equal("v2 import: routes", [r["RouteKey"] for r in routes], ["GET /pets/{id}"])
    integration = apigw2.get_integrations(ApiId=api["ApiId"])["Items"][0]
    checks.equal("v2 import: integration", (integration["IntegrationType"], integration["PayloadFormatVersion"]), ("AWS_PROXY", "2.0"))
    exported = json.loads(apigw2.export_api(ApiId=api["ApiId"], Specification="OAS30", OutputType="JSON")["body"].read())
    get = exported["paths"]["/pets/{id}"]["get"]
    checks.equal("v2 export: default response", get["responses"]["default"]["description"], "Default response for GET /pets/{id}")
    checks.equal("v2 export: integration", get["x-amazon-apigateway-integration"]["payloadFormatVersion"], "2.0")
    bare = apigw2.export_api(ApiId=api["ApiId"], Specification="OAS30", OutputType="YAML", IncludeExtensions=False)["body"].read().decode()
    checks.equal("v2 export: yaml without extensions", (bare.startswith("openapi: 3.0.1"), "x-amazon-apigateway-integration" in bare), (True, False))
    replacement = {"openapi": "3.0.1", "info": {"title": "pets-http", "description": "HTTP pets"},
                   "paths": {"/only": {"get": {"responses": {"default": {"description": "x"}},
                                               "x-amazon-apigateway-integration": HTTP_API["paths"]["/pets/{id}"]["get"]["x-amazon-apigateway-integration"]}}}}
    apigw2.reimport_api(ApiId=api["ApiId"], Body=json.dumps(replacement))
    checks.equal("v2 reimport replaces the routes", [r["RouteKey"] for r in apigw2.get_routes(ApiId=api["ApiId"])["Items"]], ["GET /only"])


def invoke():
    api = imported_api("invoking the imported API")
    if api is None:
        return
    with urllib.request.urlopen(f"{ENDPOINT}/restapis/{api}/prod/_user_request_/pets?type=cat") as response:
        checks.equal("imported API answers", json.loads(response.read()), [{"id": 1, "type": "cat"}])
    try:
        urllib.request.urlopen(f"{ENDPOINT}/restapis/{api}/prod/_user_request_/pets/7")
        checks.equal("api key enforced", "200", "403")
    except urllib.error.HTTPError as e:
        checks.equal("api key enforced", e.code, 403)


section("ImportRestApi", imports)
section("ImportRestApi of OpenAPI 3.0", oas3_import)
section("ImportRestApi from YAML", yaml_import)
section("warnings and errors", warnings)
section("PutRestApi", put_rest_api)
section("GetExport", exports)
section("HTTP APIs (v2)", http_apis)
if not MOTO:
    section("invoking the imported API", invoke)
checks.finish()
