"""API Gateway (REST v1) sub-resources against the facts AWS recorded for LocalStack's AWS-validated
snapshot tests (tests/aws/services/apigateway/test_apigateway_api.py, .snapshot.json, only tests in
its .validation.json): endpoint configurations, the root resource, request validators,
documentation parts, gateway responses, integrations, integration and method responses, VPC links,
stages and TestInvokeMethod's lookups. Each group names the LocalStack test it follows. See
apigateway_parity.py for REST APIs, resources, methods and models.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). Also runs against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:4605 APIGW_TARGET=moto python3 tests/conformance/apigateway_parity_subresources.py
"""
import json

from apigateway_parity_common import BAD_REQUEST, MOTO, NOT_FOUND, no_api, start, status
from harness import Checks

checks = Checks("apigateway_parity_subresources" + (" against moto" if MOTO else ""))
apigw = start()
section = checks.section
VALIDATION = "ValidationException"
RESOURCE = "Invalid Resource identifier specified"
METHOD = "Invalid Method identifier specified"
INTEGRATION = "Invalid Integration identifier specified"
STATUS_CODE = "Invalid Response status code specified"
STATUS_PATTERN = ("1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: "
                  "Member must satisfy regular expression pattern: [1-5]\\d\\d")
OPS = "[add, remove, move, test, replace, copy]"
GATEWAY_TEMPLATE = {"application/json": '{"message":$context.error.messageString}'}


def body(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def new_api(**kwargs):
    api = apigw.create_rest_api(name="parity", description="d", **kwargs)
    return api["id"], api["rootResourceId"]


def mock_method(api_id, resource, http_method="GET"):
    apigw.put_method(restApiId=api_id, resourceId=resource, httpMethod=http_method, authorizationType="NONE")
    return apigw.put_integration(restApiId=api_id, resourceId=resource, httpMethod=http_method, type="MOCK",
                                 requestTemplates={"application/json": '{"statusCode": 200}'})


def endpoint_configurations():
    # test_create_rest_api_with_endpoint_configuration, test_create_rest_api_private_type,
    # test_create_rest_api_verify_defaults
    create = lambda **kw: apigw.create_rest_api(**({"name": "e"} | kw))
    types_error = ("Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: "
                   "Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]")
    ip_error = ("Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "
                "Member must satisfy enum value set: [ipv4, dualstack]")
    checks.error("empty types", lambda: create(endpointConfiguration={"types": []}), BAD_REQUEST,
                 "REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.")
    checks.error("unknown ipAddressType", lambda: create(endpointConfiguration={"types": ["EDGE"], "ipAddressType": "wrong"}),
                 VALIDATION, f"1 validation error detected: {ip_error}")
    checks.error("unknown type", lambda: create(endpointConfiguration={"types": ["wrong"]}),
                 VALIDATION, f"1 validation error detected: {types_error}")
    checks.error("unknown type and ipAddressType", lambda: create(endpointConfiguration={"ipAddressType": "wrong", "types": ["wrong"]}),
                 VALIDATION, f"2 validation errors detected: {types_error}; {ip_error}")
    checks.error("two types", lambda: create(endpointConfiguration={"types": ["EDGE", "REGIONAL"]}), BAD_REQUEST,
                 "Cannot create an api with multiple Endpoint Types.")
    checks.equal("EDGE dualstack", create(endpointConfiguration={"types": ["EDGE"], "ipAddressType": "dualstack"})["endpointConfiguration"],
                 {"types": ["EDGE"], "ipAddressType": "dualstack"})
    checks.equal("REGIONAL defaults to ipv4", create(endpointConfiguration={"types": ["REGIONAL"]})["endpointConfiguration"],
                 {"types": ["REGIONAL"], "ipAddressType": "ipv4"})
    checks.equal("PRIVATE defaults to dualstack", create(endpointConfiguration={"types": ["PRIVATE"]})["endpointConfiguration"],
                 {"types": ["PRIVATE"], "ipAddressType": "dualstack"})
    checks.error("PRIVATE with ipv4", lambda: create(endpointConfiguration={"types": ["PRIVATE"], "ipAddressType": "ipv4"}),
                 BAD_REQUEST, "Only dualstack ipAddressType is supported for Private APIs.")
    checks.error("the empty description comes first", lambda: create(
        description="", endpointConfiguration={"types": ["PRIVATE"], "ipAddressType": "ipv4"}),
        BAD_REQUEST, "Description cannot be an empty string")


def root_resource():
    # test_update_resource_on_root
    api_id, root = new_api()
    update = lambda path, value: apigw.update_resource(restApiId=api_id, resourceId=root, patchOperations=[
        {"op": "replace", "path": path, "value": value}])
    checks.error("rename the root", lambda: update("/pathPart", "root"), BAD_REQUEST, "Root resource cannot update its pathPart.")
    other = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="other")["id"]
    checks.error("move the root", lambda: update("/parentId", other), BAD_REQUEST, "Root resource cannot update its parentId.")


def request_validators():
    # test_validators_crud_no_api, test_request_validator_lifecycle, test_invalid_get_request_validator(s),
    # test_invalid_delete_request_validator, test_create_request_validator_invalid_api_id,
    # test_invalid_update_request_validator_operations
    checks.error("create on an unknown api", lambda: apigw.create_request_validator(
        restApiId="test-fake-rest-id", name="v", validateRequestBody=True, validateRequestParameters=False),
        BAD_REQUEST, "Invalid REST API identifier specified")
    checks.error("list on an unknown api", lambda: apigw.get_request_validators(restApiId="api_id"), NOT_FOUND, no_api("api_id"))
    api_id, _ = new_api()
    created = apigw.create_request_validator(restApiId=api_id, name="validator")
    checks.equal("create answers 201 with both flags false", (status(created), body(created)),
                 (201, {"id": created["id"], "name": "validator", "validateRequestBody": False, "validateRequestParameters": False}))
    validator = created["id"]
    update = lambda *ops: apigw.update_request_validator(restApiId=api_id, requestValidatorId=validator, patchOperations=list(ops))
    checks.equal("replace with a value", update({"op": "replace", "path": "/validateRequestBody", "value": "true"})["validateRequestBody"], True)
    checks.equal("replace without a value reads false", update({"op": "replace", "path": "/validateRequestBody"})["validateRequestBody"], False)
    checks.error("add", lambda: update({"op": "add", "path": "/validateRequestBody", "value": "true"}), BAD_REQUEST,
                 "Invalid patch path  '/validateRequestBody' specified for op 'add'. Please choose supported operations")
    checks.error("remove", lambda: update({"op": "remove", "path": "/validateRequestBody", "value": "true"}), BAD_REQUEST,
                 "Invalid patch path  '/validateRequestBody' specified for op 'remove'. Please choose supported operations")
    checks.error("unknown path", lambda: update({"op": "replace", "path": "/invalidPath", "value": "true"}), BAD_REQUEST,
                 "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]")
    checks.error("blank name", lambda: update({"op": "replace", "path": "/name"}), BAD_REQUEST, "Request Validator name cannot be blank")
    missing = "Invalid Request Validator identifier specified"
    checks.error("get on an unknown api", lambda: apigw.get_request_validator(restApiId="api_id", requestValidatorId=validator),
                 NOT_FOUND, missing)
    checks.error("get an unknown validator", lambda: apigw.get_request_validator(restApiId=api_id, requestValidatorId="validator_id"),
                 NOT_FOUND, missing)
    checks.error("delete on an unknown api", lambda: apigw.delete_request_validator(restApiId="api_id", requestValidatorId=validator),
                 NOT_FOUND, missing)
    checks.equal("delete answers 202", status(apigw.delete_request_validator(restApiId=api_id, requestValidatorId=validator)), 202)
    checks.error("delete an unknown validator", lambda: apigw.delete_request_validator(restApiId=api_id, requestValidatorId=validator),
                 NOT_FOUND, missing)
    checks.equal("none left", apigw.get_request_validators(restApiId=api_id)["items"], [])


def documentation_parts():
    # test_doc_parts_crud_no_api, test_documentation_part_lifecycle, test_invalid_get_documentation_part(s),
    # test_invalid_update_documentation_part, test_invalid_create_documentation_part_operations,
    # test_invalid_delete_documentation_part
    properties = '{ "description": "Sample API description" }'
    checks.error("create on an unknown api", lambda: apigw.create_documentation_part(
        restApiId="api_id", location={"type": "API"}, properties=properties), NOT_FOUND, no_api("api_id"))
    checks.error("list on an unknown api", lambda: apigw.get_documentation_parts(restApiId="api_id"), NOT_FOUND, no_api("api_id"))
    api_id, _ = new_api()
    checks.error("unknown location type", lambda: apigw.create_documentation_part(
        restApiId=api_id, location={"type": "INVALID"}, properties=properties), VALIDATION,
        "1 validation error detected: Value 'INVALID' at 'createDocumentationPartInput.location.type' failed to satisfy "
        "constraint: Member must satisfy enum value set: [RESPONSE_BODY, RESPONSE, METHOD, MODEL, AUTHORIZER, RESPONSE_HEADER, "
        "RESOURCE, PATH_PARAMETER, REQUEST_BODY, QUERY_PARAMETER, API, REQUEST_HEADER]")
    created = apigw.create_documentation_part(restApiId=api_id, location={"type": "API"}, properties=properties)
    checks.equal("create answers 201 with the bare location", (status(created), created["location"]), (201, {"type": "API"}))
    part = created["id"]
    updated = apigw.update_documentation_part(restApiId=api_id, documentationPartId=part, patchOperations=[
        {"op": "replace", "path": "/properties", "value": '{ "description": "Updated Sample API description" }'}])
    checks.equal("replace /properties", json.loads(updated["properties"]), {"description": "Updated Sample API description"})
    missing = "Invalid Documentation part identifier specified"
    checks.error("get on an unknown api", lambda: apigw.get_documentation_part(restApiId="api_id", documentationPartId=part),
                 NOT_FOUND, missing)
    checks.error("get an unknown part", lambda: apigw.get_documentation_part(restApiId=api_id, documentationPartId="documentation_part_id"),
                 NOT_FOUND, missing)
    checks.error("update on an unknown api", lambda: apigw.update_documentation_part(
        restApiId="api_id", documentationPartId=part, patchOperations=[{"op": "replace", "path": "/properties", "value": properties}]),
        NOT_FOUND, missing)
    checks.error("add /properties", lambda: apigw.update_documentation_part(
        restApiId=api_id, documentationPartId=part, patchOperations=[{"op": "add", "path": "/properties", "value": properties}]),
        BAD_REQUEST, "Invalid patch path  '/properties' specified for op 'add'. Please choose supported operations")
    checks.error("unknown path", lambda: apigw.update_documentation_part(
        restApiId=api_id, documentationPartId=part, patchOperations=[{"op": "replace", "path": "/invalidPath", "value": properties}]),
        BAD_REQUEST, "Invalid patch path  '/invalidPath' specified for op 'replace'. Must be one of: [/properties]")
    checks.error("delete on an unknown api", lambda: apigw.delete_documentation_part(restApiId="api_id", documentationPartId=part),
                 NOT_FOUND, no_api("api_id"))
    checks.equal("delete answers 202", status(apigw.delete_documentation_part(restApiId=api_id, documentationPartId=part)), 202)
    checks.error("delete again", lambda: apigw.delete_documentation_part(restApiId=api_id, documentationPartId=part), NOT_FOUND, missing)


def gateway_responses():
    # test_gateway_response_crud, test_gateway_response_put, test_gateway_response_validation, test_update_gateway_response
    api_id, _ = new_api()
    get = lambda response_type: body(apigw.get_gateway_response(restApiId=api_id, responseType=response_type))
    checks.equal("default MISSING_AUTHENTICATION_TOKEN", get("MISSING_AUTHENTICATION_TOKEN"),
                 {"defaultResponse": True, "responseParameters": {}, "responseTemplates": GATEWAY_TEMPLATE,
                  "responseType": "MISSING_AUTHENTICATION_TOKEN", "statusCode": "403"})
    listed = {r["responseType"]: r for r in apigw.get_gateway_responses(restApiId=api_id)["items"]}
    checks.equal("21 defaults", len(listed), 21)
    checks.equal("DEFAULT_4XX and DEFAULT_5XX have no status code", [t for t in ("DEFAULT_4XX", "DEFAULT_5XX") if "statusCode" in listed[t]], [])
    checks.equal("default status codes", {t: r.get("statusCode") for t, r in listed.items() if t not in ("DEFAULT_4XX", "DEFAULT_5XX")},
                 {"ACCESS_DENIED": "403", "API_CONFIGURATION_ERROR": "500", "AUTHORIZER_CONFIGURATION_ERROR": "500",
                  "AUTHORIZER_FAILURE": "500", "BAD_REQUEST_BODY": "400", "BAD_REQUEST_PARAMETERS": "400", "EXPIRED_TOKEN": "403",
                  "INTEGRATION_FAILURE": "504", "INTEGRATION_TIMEOUT": "504", "INVALID_API_KEY": "403", "INVALID_SIGNATURE": "403",
                  "MISSING_AUTHENTICATION_TOKEN": "403", "QUOTA_EXCEEDED": "429", "REQUEST_TOO_LARGE": "413",
                  "RESOURCE_NOT_FOUND": "404", "THROTTLED": "429", "UNAUTHORIZED": "401", "UNSUPPORTED_MEDIA_TYPE": "415",
                  "WAF_FILTERED": "403"})
    put = lambda response_type, **kw: apigw.put_gateway_response(restApiId=api_id, responseType=response_type, **kw)
    status_only = put("MISSING_AUTHENTICATION_TOKEN", statusCode="404")
    checks.equal("put with a status only keeps the default template", (status(status_only), body(status_only)),
                 (201, {"defaultResponse": False, "responseParameters": {}, "responseTemplates": GATEWAY_TEMPLATE,
                        "responseType": "MISSING_AUTHENTICATION_TOKEN", "statusCode": "404"}))
    parameters_only = put("MISSING_AUTHENTICATION_TOKEN", responseParameters={"gatewayresponse.header.x": "method.request.header.Accept"})
    checks.equal("put without a status takes the default status", parameters_only["statusCode"], "403")
    template = '{"type": "$context.error.responseType"}'
    put("DEFAULT_5XX", statusCode="599", responseParameters={"gatewayresponse.header.x": "method.request.header.Accept"},
        responseTemplates={"application/json": template})
    put("AUTHORIZER_FAILURE", responseParameters={"gatewayresponse.header.foo": "'bar'"})
    listed = {r["responseType"]: r for r in apigw.get_gateway_responses(restApiId=api_id)["items"]}
    checks.equal("DEFAULT_5XX flows into the 5xx defaults", {t: (listed[t]["statusCode"], listed[t]["responseTemplates"], listed[t]["defaultResponse"])
                                                             for t in ("API_CONFIGURATION_ERROR", "INTEGRATION_TIMEOUT")},
                 {t: ("599", {"application/json": template}, True) for t in ("API_CONFIGURATION_ERROR", "INTEGRATION_TIMEOUT")})
    checks.equal("a 5xx of its own keeps its settings", (listed["AUTHORIZER_FAILURE"]["statusCode"], listed["AUTHORIZER_FAILURE"]["responseTemplates"]),
                 ("500", GATEWAY_TEMPLATE))
    checks.equal("4xx defaults are untouched", listed["ACCESS_DENIED"]["responseTemplates"], GATEWAY_TEMPLATE)
    checks.equal("delete answers 202", status(apigw.delete_gateway_response(restApiId=api_id, responseType="MISSING_AUTHENTICATION_TOKEN")), 202)
    checks.equal("deleted response is the default again", get("MISSING_AUTHENTICATION_TOKEN")["defaultResponse"], True)

    fake = "apiid123fake"
    for name, call in (("list", lambda: apigw.get_gateway_responses(restApiId=fake)),
                       ("get", lambda: apigw.get_gateway_response(restApiId=fake, responseType="DEFAULT_4XX")),
                       ("delete", lambda: apigw.delete_gateway_response(restApiId=fake, responseType="DEFAULT_4XX")),
                       ("update", lambda: apigw.update_gateway_response(restApiId=fake, responseType="DEFAULT_4XX", patchOperations=[]))):
        checks.error(f"{name} on an unknown api", call, NOT_FOUND, no_api(fake))
    api_id, _ = new_api()
    checks.error("delete a response never set", lambda: apigw.delete_gateway_response(restApiId=api_id, responseType="DEFAULT_4XX"),
                 NOT_FOUND, "Gateway response type not defined on api")
    enum = ("1 validation error detected: Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: Member must "
            "satisfy enum value set: [REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, MISSING_AUTHENTICATION_TOKEN, "
            "BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, AUTHORIZER_FAILURE, UNAUTHORIZED, "
            "INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, QUOTA_EXCEEDED, THROTTLED, "
            "API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN]")
    for name, call in (("get", lambda: apigw.get_gateway_response(restApiId=api_id, responseType="FAKE_RESPONSE_TYPE")),
                       ("delete", lambda: apigw.delete_gateway_response(restApiId=api_id, responseType="FAKE_RESPONSE_TYPE")),
                       ("update", lambda: apigw.update_gateway_response(restApiId=api_id, responseType="FAKE_RESPONSE_TYPE", patchOperations=[])),
                       ("put", lambda: apigw.put_gateway_response(restApiId=api_id, responseType="FAKE_RESPONSE_TYPE", statusCode="404",
                                                                  responseParameters={}, responseTemplates={}))):
        checks.error(f"{name} an unknown response type", call, VALIDATION, enum)

    update = lambda response_type, *ops: apigw.update_gateway_response(restApiId=api_id, responseType=response_type, patchOperations=list(ops))
    not_set = update("DEFAULT_4XX", {"op": "replace", "path": "/statusCode", "value": "444"})
    checks.equal("update a response never set", body(not_set), {"defaultResponse": False, "responseParameters": {},
                                                                "responseTemplates": GATEWAY_TEMPLATE, "responseType": "DEFAULT_4XX",
                                                                "statusCode": "444"})
    put("DEFAULT_4XX", statusCode="404", responseParameters={"gatewayresponse.header.Access-Control-Allow-Origin": "'a.b.c'"},
        responseTemplates={"application/json": '{"message":$context.error.messageString}'})
    xml = "<gatewayResponse><message>$context.error.messageString</message></gatewayResponse>"
    updated = update("DEFAULT_4XX", {"op": "replace", "path": "/statusCode", "value": "444"},
                     {"op": "replace", "path": "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin", "value": "'example.com'"},
                     {"op": "add", "path": "/responseTemplates/application~1xml", "value": xml})
    checks.equal("update status, header and template", (updated["statusCode"], updated["responseParameters"], updated["responseTemplates"]["application/xml"]),
                 ("444", {"gatewayresponse.header.Access-Control-Allow-Origin": "'example.com'"}, xml))
    for op in ("add", "remove"):
        operation = {"op": op, "path": "/statusCode"} | ({"value": "444"} if op == "add" else {})
        checks.error(f"{op} /statusCode", lambda: update("DEFAULT_4XX", operation), BAD_REQUEST, "Invalid patch path /statusCode")
    checks.error("replace a header never set", lambda: update("DEFAULT_5XX", {
        "op": "replace", "path": "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin", "value": "'example.com'"}),
        NOT_FOUND, "Invalid parameter name specified")
    checks.error("no path", lambda: update("DEFAULT_4XX", {"op": "add", "value": "'example.com'"}), BAD_REQUEST, "Invalid patch path null")
    checks.error("unknown op", lambda: update("DEFAULT_4XX", {"op": "wrong-op", "path": "/statusCode", "value": "'example.com'"}),
                 VALIDATION, f"1 validation error detected: Value 'wrong-op' at 'updateGatewayResponseInput.patchOperations.1.member.op' "
                             f"failed to satisfy constraint: Member must satisfy enum value set: {OPS}")
    checks.error("unknown path", lambda: update("DEFAULT_4XX", {"op": "add", "path": "/wrongPath", "value": "'example.com'"}),
                 BAD_REQUEST, "Invalid patch path /wrongPath")
    checks.error("null template", lambda: update("DEFAULT_4XX", {"op": "replace", "path": "/responseTemplates/application~1xml", "value": None}),
                 BAD_REQUEST, "Invalid null or empty value in responseTemplates")
    checks.error("null header", lambda: update("DEFAULT_4XX", {
        "op": "replace", "path": "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin", "value": None}),
        BAD_REQUEST, "Invalid null or empty value in responseParameters")


def integrations():
    # test_put_integration_wrong_type, test_put_integration_response_validation, test_get_integration_non_existent,
    # test_create_integration_with_vpc_link
    api_id, root = new_api()
    checks.error("unknown integration type", lambda: apigw.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="HTTPS_PROXY"),
                 VALIDATION, "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: "
                             "Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]")
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="POST", authorizationType="NONE")
    put = lambda **kw: apigw.put_integration(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "integrationHttpMethod": "GET",
                                                 "type": "MOCK", "requestTemplates": {"application/json": '{"statusCode": 200}'}} | kw))
    checks.error("put on a method not set", put, NOT_FOUND, METHOD)
    checks.error("put on an unknown resource", lambda: put(resourceId="badresource"), NOT_FOUND, RESOURCE)
    put(httpMethod="POST")
    response = lambda **kw: apigw.put_integration_response(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "statusCode": "200",
                                                               "selectionPattern": "", "responseTemplates": {"application/json": "{}"}} | kw))
    checks.error("integration response on a method not set", response, NOT_FOUND, METHOD)
    checks.error("integration response on an unknown resource", lambda: response(resourceId="badresource"), NOT_FOUND, RESOURCE)

    get = lambda **kw: apigw.get_integration(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET"} | kw))
    checks.error("get on an unknown api", lambda: get(restApiId="nosuchapi"), NOT_FOUND, RESOURCE)
    checks.error("get on an unknown resource", lambda: get(resourceId="nosuch"), NOT_FOUND, RESOURCE)
    checks.error("get on a method not set", get, NOT_FOUND, METHOD)
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="GET", authorizationType="NONE")
    checks.error("get a missing integration", get, NOT_FOUND, INTEGRATION)

    uri = "http://my-vpclink-test-nlb-1234567890abcdef.us-east-1.amazonaws.com"
    vpc = apigw.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="HTTP_PROXY", integrationHttpMethod="GET",
                                uri=uri, connectionType="VPC_LINK", connectionId="${stageVariables.vpcLinkId}")
    expected = {"cacheKeyParameters": [], "connectionId": "${stageVariables.vpcLinkId}", "connectionType": "VPC_LINK", "httpMethod": "GET",
                "passthroughBehavior": "WHEN_NO_MATCH", "timeoutInMillis": 29000, "type": "HTTP_PROXY", "uri": uri}
    checks.equal("VPC link integration", (status(vpc), {k: v for k, v in body(vpc).items() if k != "cacheNamespace"}), (201, expected))
    checks.equal("cacheNamespace shown", "cacheNamespace" in vpc, True)
    updated = apigw.update_integration(restApiId=api_id, resourceId=root, httpMethod="GET", patchOperations=[
        {"op": "replace", "path": "/connectionId", "value": "${stageVariables.vpcLinkIdBeta}"}])
    checks.equal("replace /connectionId", updated["connectionId"], "${stageVariables.vpcLinkIdBeta}")


def integration_responses():
    # test_lifecycle_integration_response, test_integration_response_wrong_api/_resource/_method,
    # test_integration_response_invalid_statuscode, test_integration_response_invalid_integration,
    # test_integration_response_wrong_status_code, test_delete_integration_response_errors, test_put_integration_response_templates
    api_id, root = new_api()
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="POST", authorizationType="NONE")
    checks.error("get without an integration", lambda: apigw.get_integration_response(
        restApiId=api_id, resourceId=root, httpMethod="POST", statusCode="200"), NOT_FOUND, INTEGRATION)
    mock_method(api_id, root)
    put = lambda **kw: apigw.put_integration_response(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "statusCode": "200",
                                                          "selectionPattern": "", "responseTemplates": {"application/json": '"created"'}} | kw))
    get = lambda **kw: apigw.get_integration_response(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "statusCode": "200"} | kw))
    created = put()
    checks.equal("put answers 201 and shows the empty selection pattern", (status(created), body(created)),
                 (201, {"responseTemplates": {"application/json": '"created"'}, "selectionPattern": "", "statusCode": "200"}))
    updated = apigw.update_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", patchOperations=[
        {"op": "replace", "path": "/selectionPattern", "value": "updated-pattern"}])
    checks.equal("replace /selectionPattern", updated["selectionPattern"], "updated-pattern")
    put(selectionPattern="overwrite-pattern", responseTemplates={"application/json": "overwrite"})
    integration = apigw.get_method(restApiId=api_id, resourceId=root, httpMethod="GET")["methodIntegration"]
    checks.equal("get_method shows the integration's defaults",
                 {k: integration.get(k) for k in ("cacheKeyParameters", "passthroughBehavior", "timeoutInMillis", "type")},
                 {"cacheKeyParameters": [], "passthroughBehavior": "WHEN_NO_MATCH", "timeoutInMillis": 29000, "type": "MOCK"})
    checks.equal("and the overwritten response", integration["integrationResponses"]["200"],
                 {"responseTemplates": {"application/json": "overwrite"}, "selectionPattern": "overwrite-pattern", "statusCode": "200"})
    checks.error("put on an unknown api", lambda: put(restApiId="nosuchapi"), NOT_FOUND, RESOURCE)
    checks.error("get on an unknown api", lambda: get(restApiId="nosuchapi"), NOT_FOUND, RESOURCE)
    checks.error("put on an unknown resource", lambda: put(resourceId="nosuch"), NOT_FOUND, RESOURCE)
    checks.error("get on an unknown resource", lambda: get(resourceId="nosuch"), NOT_FOUND, RESOURCE)
    checks.error("put on a method not set", lambda: put(httpMethod="PUT"), NOT_FOUND, METHOD)
    checks.error("get on a method not set", lambda: get(httpMethod="PUT"), NOT_FOUND, METHOD)
    checks.error("put a bad status code", lambda: put(statusCode="wrong"), VALIDATION, STATUS_PATTERN)
    checks.error("get a bad status code", lambda: get(statusCode="wrong"), VALIDATION, STATUS_PATTERN)
    checks.error("get an unknown status code", lambda: get(statusCode="201"), NOT_FOUND, STATUS_CODE)

    delete = lambda **kw: apigw.delete_integration_response(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "statusCode": "200"} | kw))
    checks.error("delete on an unknown resource", lambda: delete(resourceId="nosuch"), NOT_FOUND, RESOURCE)
    checks.error("delete on an unknown api", lambda: delete(restApiId="nosuchapi"), NOT_FOUND, RESOURCE)
    checks.error("delete on a method not set", lambda: delete(httpMethod="PUT"), NOT_FOUND, INTEGRATION)
    checks.error("delete an unknown status code", lambda: delete(statusCode="201"), NOT_FOUND, STATUS_CODE)
    checks.equal("delete answers 204", status(delete()), 204)

    none = put(responseTemplates={"application/json": None})
    checks.equal("a null template is kept as null", none.get("responseTemplates"), {"application/json": None})
    empty = put(responseTemplates={"application/json": ""})
    checks.equal("an empty template reads as null", empty.get("responseTemplates"), {"application/json": None})
    bare = apigw.put_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", selectionPattern="")
    checks.equal("no templates, no responseTemplates", "responseTemplates" in bare, False)


def method_responses():
    # test_lifecycle_method_response, test_update_method_response_wrong_operations,
    # test_update_method_response_negative_tests, test_update_method_lack_response_parameters_and_models
    api_id, root = new_api()
    mock_method(api_id, root)
    created = apigw.put_method_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200")
    checks.equal("put answers 201", (status(created), created["statusCode"]), (201, "200"))
    update = lambda *ops, **kw: apigw.update_method_response(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET",
                                                                 "statusCode": "200", "patchOperations": list(ops)} | kw))
    checks.error("replace a header never set", lambda: update({"op": "replace", "path": "/responseParameters/method.response.header.my-header", "value": "true"}),
                 NOT_FOUND, "Invalid parameter name specified")
    checks.error("replace a model never set", lambda: update({"op": "replace", "path": "/responseModels/application~1json", "value": "Empty"}),
                 NOT_FOUND, "Content-Type specified was not found")
    checks.error("unknown path", lambda: update({"op": "add", "path": "/wrong/method.response.header.my-header", "value": "true"}),
                 BAD_REQUEST, "Invalid patch path /wrong/method.response.header.my-header")
    wrong = lambda index: (f"Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.{index}.member.op' failed to satisfy "
                           f"constraint: Member must satisfy enum value set: {OPS}")
    op = {"op": "wrong_op", "path": "/responseModels/application~1json", "value": "Empty"}
    good = {"op": "add", "path": "/responseModels/application~1json", "value": "Empty"}
    checks.error("one wrong op", lambda: update(op), VALIDATION, f"1 validation error detected: {wrong(1)}")
    checks.error("wrong ops 1 and 3", lambda: update(op, good, op), VALIDATION, f"2 validation errors detected: {wrong(1)}; {wrong(3)}")
    checks.error("wrong op and bad status code", lambda: update(op, statusCode="wrong"), VALIDATION,
                 f"2 validation errors detected: {wrong(1)}; Value 'wrong' at 'statusCode' failed to satisfy constraint: "
                 "Member must satisfy regular expression pattern: [1-5]\\d\\d")
    checks.error("bad status code", lambda: update(statusCode="wrong"), VALIDATION, STATUS_PATTERN)
    checks.error("unknown status code", lambda: update(statusCode="201"), NOT_FOUND, STATUS_CODE)
    checks.error("unknown resource", lambda: update(resourceId="nosuch"), NOT_FOUND, RESOURCE)
    checks.error("unknown method", lambda: update(httpMethod="PUT"), NOT_FOUND, METHOD)
    added = apigw.put_method_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200",
                                      responseModels={"application/json": "Empty"},
                                      responseParameters={"method.response.header.my-header": True})
    checks.equal("put replaces", (added["responseModels"], added["responseParameters"]),
                 ({"application/json": "Empty"}, {"method.response.header.my-header": True}))
    checks.equal("delete answers 204", status(apigw.delete_method_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200")), 204)


def vpc_links():
    # test_create_vpc_link_invalid_parameters, test_get/delete/update_vpc_link_invalid_id
    checks.error("malformed target ARN", lambda: apigw.create_vpc_link(name="l", targetArns=["invalid-arn"]), BAD_REQUEST,
                 "Invalid ARN. ARN is not well formed invalid-arn")
    arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/1234567890abcdef"
    checks.error("empty name", lambda: apigw.create_vpc_link(name="", targetArns=[arn]), BAD_REQUEST, "Name cannot be empty")
    missing = "Invalid Vpc Link identifier specified"
    checks.error("get unknown", lambda: apigw.get_vpc_link(vpcLinkId="nosuch"), NOT_FOUND, missing)
    checks.error("delete unknown", lambda: apigw.delete_vpc_link(vpcLinkId="nosuch"), NOT_FOUND, missing)
    checks.error("update unknown", lambda: apigw.update_vpc_link(vpcLinkId="nosuch", patchOperations=[
        {"op": "replace", "path": "/name", "value": "x"}]), NOT_FOUND, missing)


def stages():
    # test_get_stages_filters_by_deployment_id
    api_id, root = new_api()
    mock_method(api_id, root)
    first = apigw.create_deployment(restApiId=api_id)["id"]
    second = apigw.create_deployment(restApiId=api_id)["id"]
    apigw.create_stage(restApiId=api_id, stageName="stage1", deploymentId=first)
    apigw.create_stage(restApiId=api_id, stageName="stage2", deploymentId=second)
    names = lambda **kw: sorted(s["stageName"] for s in apigw.get_stages(restApiId=api_id, **kw)["item"])
    checks.equal("all stages", names(), ["stage1", "stage2"])
    checks.equal("stages of the first deployment", names(deploymentId=first), ["stage1"])
    checks.equal("stages of the second deployment", names(deploymentId=second), ["stage2"])
    stage = apigw.get_stages(restApiId=api_id, deploymentId=first)["item"][0]
    checks.equal("stage defaults", {k: stage.get(k) for k in ("cacheClusterEnabled", "cacheClusterStatus", "methodSettings", "tracingEnabled")},
                 {"cacheClusterEnabled": False, "cacheClusterStatus": "NOT_AVAILABLE", "methodSettings": {}, "tracingEnabled": False})


def test_invoke_lookups():
    # test_invoke_test_method (its error cases)
    api_id, root = new_api()
    mock_method(api_id, root)
    apigw.put_method_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200")
    apigw.put_integration_response(restApiId=api_id, resourceId=root, httpMethod="GET", statusCode="200", selectionPattern="")
    invoke = lambda **kw: apigw.test_invoke_method(**({"restApiId": api_id, "resourceId": root, "httpMethod": "GET", "pathWithQueryString": "/"} | kw))
    checks.equal("MOCK answers 200", invoke()["status"], 200)
    checks.error("method not set", lambda: invoke(httpMethod="POST"), NOT_FOUND, METHOD)
    checks.error("unknown resource", lambda: invoke(resourceId="invalid_res"), NOT_FOUND, RESOURCE)
    checks.error("unknown api", lambda: invoke(restApiId="nosuchapi", resourceId="invalid_res"), NOT_FOUND, RESOURCE)


for group in (endpoint_configurations, root_resource, request_validators, documentation_parts, gateway_responses, integrations,
              integration_responses, method_responses, vpc_links, stages, test_invoke_lookups):
    try:
        section(group.__name__, group)
    except (KeyError, IndexError, TypeError) as e:  # a target that answers without a field fails the group, not the script
        checks.failed.append(group.__name__)
        print(f"FAIL {checks.suite}: {group.__name__}: missing {e!r}")
checks.finish()
