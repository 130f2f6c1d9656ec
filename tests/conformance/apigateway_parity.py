"""API Gateway (REST v1) control plane against the facts AWS recorded for LocalStack's
AWS-validated snapshot tests (tests/aws/services/apigateway/test_apigateway_api.py and its
.snapshot.json; only tests listed in its .validation.json). Each group names the LocalStack test it
follows; the requests are the ones those tests make, the expected answers are AWS's recorded ones
(LocalStack's snapshots write the account as 111111111111; here it is the caller's account).

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). Also runs against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:4605 APIGW_TARGET=moto python3 tests/conformance/apigateway_parity.py
"""
import json

from apigateway_parity_common import BAD_REQUEST, MOTO, NOT_FOUND, no_api, start, status
from harness import Checks

checks = Checks("apigateway_parity" + (" against moto" if MOTO else ""))
apigw = start()
AUTHORIZER_URI = ("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                  "arn:aws:lambda:us-east-1:123456789012:function:myApiAuthorizer/invocations")
section = checks.section
CONFLICT = "ConflictException"


def unsupported_op(path, op):
    return f"Invalid patch path  '{path}' specified for op '{op}'. Please choose supported operations"


def new_api(description="d", **kwargs):
    api = apigw.create_rest_api(name="parity", description=description, **kwargs)
    return api["id"], api["rootResourceId"]


def rest_apis():
    # test_list_and_delete_apis, test_create_rest_api_with_optional_params, test_create_rest_api_with_tags
    created = apigw.create_rest_api(name="one", description="this is my api")
    checks.equal("create_rest_api answers 201", status(created), 201)
    checks.equal("create_rest_api defaults", {k: created.get(k) for k in
                                              ("apiKeySource", "disableExecuteApiEndpoint", "endpointConfiguration")},
                 {"apiKeySource": "HEADER", "disableExecuteApiEndpoint": False,
                  "endpointConfiguration": {"types": ["EDGE"], "ipAddressType": "ipv4"}})
    checks.equal("create_rest_api shows rootResourceId", "rootResourceId" in created, True)
    checks.equal("delete_rest_api answers 202", status(apigw.delete_rest_api(restApiId=created["id"])), 202)
    only_name = apigw.create_rest_api(name="only-name")
    checks.equal("no description, no version, no binaryMediaTypes",
                 [k for k in ("description", "version", "binaryMediaTypes", "tags") if k in only_name], [])
    checks.error("empty description", lambda: apigw.create_rest_api(name="x", description=""),
                 BAD_REQUEST, "Description cannot be an empty string")
    checks.equal("version is kept", apigw.create_rest_api(name="v", version="v1")["version"], "v1")
    checks.equal("empty binaryMediaTypes are not shown",
                 "binaryMediaTypes" in apigw.create_rest_api(name="b", binaryMediaTypes=[]), False)
    checks.error("negative minimumCompressionSize", lambda: apigw.create_rest_api(name="c", minimumCompressionSize=-1),
                 BAD_REQUEST, "Invalid minimum compression size, must be between 0 and 10485760")
    tagged = apigw.create_rest_api(name="t", description="this is my api", tags={"MY_TAG1": "MY_VALUE1"})
    checks.equal("create shows tags", tagged["tags"], {"MY_TAG1": "MY_VALUE1"})
    checks.equal("get shows tags", apigw.get_rest_api(restApiId=tagged["id"])["tags"], {"MY_TAG1": "MY_VALUE1"})
    listed = [a for a in apigw.get_rest_apis()["items"] if a["id"] == tagged["id"]][0]
    checks.equal("get_rest_apis shows tags", listed["tags"], {"MY_TAG1": "MY_VALUE1"})
    checks.error("get_rest_api is case-sensitive (test_get_api_case_insensitive)",
                 lambda: apigw.get_rest_api(restApiId=tagged["id"].upper()), NOT_FOUND, no_api(tagged["id"].upper()))


def update_rest_api():
    # test_update_rest_api_operation_add_remove, _compression, _behaviour, _invalid_api_id
    api_id, _ = new_api("this is my api")
    added = apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "add", "path": "/binaryMediaTypes/image~1png"}, {"op": "add", "path": "/binaryMediaTypes/image~1jpeg"}])
    checks.equal("add binaryMediaTypes by path", added["binaryMediaTypes"], ["image/png", "image/jpeg"])
    checks.equal("update shows empty tags", added.get("tags"), {})
    replaced = apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "replace", "path": "/binaryMediaTypes/image~1png", "value": "image/gif"}])
    checks.equal("replace a binary media type moves it last", replaced["binaryMediaTypes"], ["image/jpeg", "image/gif"])
    removed = apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "remove", "path": "/binaryMediaTypes/image~1gif"}, {"op": "remove", "path": "/description"}])
    checks.equal("remove a binary media type", removed["binaryMediaTypes"], ["image/jpeg"])
    checks.equal("remove /description", "description" in removed, False)

    api_id, _ = new_api("this is my api")
    replace = lambda value: apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "replace", "path": "/minimumCompressionSize", "value": value}])
    checks.equal("enable compression", replace("10")["minimumCompressionSize"], 10)
    checks.equal("empty value disables compression", "minimumCompressionSize" in replace(""), False)
    checks.equal("zero compression", replace("0")["minimumCompressionSize"], 0)
    message = "Invalid minimum compression size, must be between 0 and 10485760"
    checks.error("negative compression", lambda: replace("-1"), BAD_REQUEST, message)
    checks.error("string compression", lambda: replace("test"), BAD_REQUEST, message)
    checks.error("add /minimumCompressionSize", lambda: apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "add", "path": "/minimumCompressionSize", "value": "10"}]),
        BAD_REQUEST, "Invalid patch operation specified. Must be one of: [replace]")

    api_id, _ = new_api("this is my api")
    dash = apigw.update_rest_api(restApiId=api_id, patchOperations=[
        {"op": "add", "path": "/binaryMediaTypes/-", "value": "image/png"}])
    checks.equal("add /binaryMediaTypes/- adds '-'", dash["binaryMediaTypes"], ["-"])
    for op in ("add", "replace", "remove"):
        operation = {"op": op, "path": "/binaryMediaTypes"} | ({} if op == "remove" else {"value": "image/gif"})
        checks.error(f"{op} /binaryMediaTypes", lambda: apigw.update_rest_api(restApiId=api_id, patchOperations=[operation]),
                     BAD_REQUEST, "Invalid patch path /binaryMediaTypes")
    checks.error("update unknown api", lambda: apigw.update_rest_api(restApiId="api_id", patchOperations=[
        {"op": "replace", "path": "/apiKeySource", "value": "AUTHORIZER"}]), NOT_FOUND, no_api("api_id"))


def resources():
    # test_resource_lifecycle, test_update_resource_behaviour, test_delete_resource,
    # test_create_resource_parent_invalid
    api_id, root = new_api()
    checks.equal("root resource", apigw.get_resources(restApiId=api_id)["items"], [{"id": root, "path": "/"}])
    pets = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="pets")
    checks.equal("create_resource answers 201", status(pets), 201)
    checks.equal("create_resource body", {k: pets[k] for k in ("parentId", "path", "pathPart")},
                 {"parentId": root, "path": "/pets", "pathPart": "pets"})
    sub = apigw.create_resource(restApiId=api_id, parentId=pets["id"], pathPart="subpets")
    checks.equal("subresource path", sub["path"], "/pets/subpets")
    renamed = apigw.update_resource(restApiId=api_id, resourceId=pets["id"], patchOperations=[
        {"op": "replace", "path": "/pathPart", "value": "dogs"}])
    checks.equal("rename", (renamed["path"], renamed["pathPart"]), ("/dogs", "dogs"))
    checks.equal("delete_resource answers 202", status(apigw.delete_resource(restApiId=api_id, resourceId=pets["id"])), 202)
    checks.equal("delete takes the subtree", apigw.get_resources(restApiId=api_id)["items"], [{"id": root, "path": "/"}])
    checks.error("delete a deleted child", lambda: apigw.delete_resource(restApiId=api_id, resourceId=sub["id"]),
                 NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("create under unknown parent", lambda: apigw.create_resource(
        restApiId=api_id, parentId="fake-resource-id", pathPart="subpets"), NOT_FOUND, "Invalid Resource identifier specified")

    api_id, root = new_api()
    pets = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="pets")["id"]
    update = lambda resource, *ops: apigw.update_resource(restApiId=api_id, resourceId=resource, patchOperations=list(ops))
    checks.error("update unknown resource", lambda: update("fake-resource", {"op": "replace", "path": "/pathPart", "value": "dogs"}),
                 NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("update invalid path", lambda: update(pets, {"op": "replace", "path": "/invalid", "value": "dogs"}),
                 BAD_REQUEST, "Invalid patch path  '/invalid' specified for op 'replace'. Must be one of: [/parentId, /pathPart]")
    checks.error("move under unknown parent", lambda: update(pets, {"op": "replace", "path": "/parentId", "value": "fake-parent-id"}),
                 NOT_FOUND, "Invalid Resource identifier specified")
    sub = apigw.create_resource(restApiId=api_id, parentId=pets, pathPart="subpets")["id"]
    child = apigw.create_resource(restApiId=api_id, parentId=sub, pathPart="pets")["id"]
    checks.error("move next to a sibling of the same name", lambda: update(child, {"op": "replace", "path": "/parentId", "value": root}),
                 CONFLICT, "Another resource with the same parent already has this name: pets")
    apigw.delete_resource(restApiId=api_id, resourceId=child)
    checks.error("move under its own child", lambda: update(pets, {"op": "replace", "path": "/parentId", "value": sub}),
                 BAD_REQUEST, "Resources cannot be cyclical.")
    moved = update(sub, {"op": "replace", "path": "/parentId", "value": root})
    checks.equal("move to root", (moved["parentId"], moved["path"]), (root, "/subpets"))
    checks.error("rename onto a sibling", lambda: update(sub, {"op": "replace", "path": "/pathPart", "value": "pets"}),
                 CONFLICT, "Another resource with the same parent already has this name: pets")
    apigw.delete_resource(restApiId=api_id, resourceId=pets)
    checks.equal("moved child outlives its old parent", sorted(r["path"] for r in apigw.get_resources(restApiId=api_id)["items"]),
                 ["/", "/subpets"])
    checks.error("remove /pathPart", lambda: update(sub, {"op": "remove", "path": "/pathPart"}),
                 BAD_REQUEST, unsupported_op("/pathPart", "remove"))
    checks.error("add /pathPart", lambda: update(sub, {"op": "add", "path": "/pathPart", "value": "added-pets"}),
                 BAD_REQUEST, unsupported_op("/pathPart", "add"))


def proxy_resources():
    # test_create_proxy_resource, test_create_proxy_resource_validation
    api_id, root = new_api()
    create = lambda parent, part: apigw.create_resource(restApiId=api_id, parentId=parent, pathPart=part)
    proxy = create(root, "{proxy+}")
    checks.equal("root {proxy+}", proxy["path"], "/{proxy+}")
    parent = create(root, "parent")["id"]
    parent_proxy = create(parent, "{proxy+}")["id"]
    child = create(parent, "child")["id"]
    checks.equal("static sibling of {proxy+} and its {proxy+}", create(child, "{proxy+}")["path"], "/parent/child/{proxy+}")
    apigw.delete_resource(restApiId=api_id, resourceId=parent_proxy)
    dynamic = create(parent, "{child}")
    checks.equal("{child} once {proxy+} is gone", dynamic["path"], "/parent/{child}")
    checks.equal("{proxy+} under {child}", create(dynamic["id"], "{proxy+}")["path"], "/parent/{child}/{proxy+}")
    checks.error("second variable sibling", lambda: create(root, "{dynamic}"), BAD_REQUEST,
                 "A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed")
    greedy = "Cannot create a child of a resource with a greedy path variable: {proxy+}"
    checks.error("static child of {proxy+}", lambda: create(proxy["id"], "child"), BAD_REQUEST, greedy)
    checks.error("variable child of {proxy+}", lambda: create(proxy["id"], "{child}"), BAD_REQUEST, greedy)
    other = create(root, "other")["id"]
    checks.equal("greedy {child+}", create(other, "{child+}")["path"], "/other/{child+}")


def authorizers_without_api():
    # test_authorizer_crud_no_api
    checks.error("create_authorizer on an unknown api", lambda: apigw.create_authorizer(
        restApiId="test-fake-rest-id", name="fake-auth-name", type="TOKEN", authorizerUri=AUTHORIZER_URI,
        identitySource="method.request.header.Authorization"),
        CONFLICT, "Unable to complete operation due to concurrent modification. Please try again later.")
    checks.error("get_authorizers on an unknown api", lambda: apigw.get_authorizers(restApiId="test-fake-rest-id"),
                 NOT_FOUND, no_api("test-fake-rest-id"))


def methods():
    # test_method_lifecycle, test_method_request_parameters
    api_id, root = new_api()
    put = apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="ANY", authorizationType="NONE")
    checks.equal("put_method answers 201", status(put), 201)
    checks.equal("put_method body", {k: v for k, v in put.items() if k != "ResponseMetadata"},
                 {"apiKeyRequired": False, "authorizationType": "NONE", "httpMethod": "ANY"})
    checks.equal("delete_method answers 204", status(apigw.delete_method(restApiId=api_id, resourceId=root, httpMethod="ANY")), 204)
    checks.error("get a deleted method", lambda: apigw.get_method(restApiId=api_id, resourceId=root, httpMethod="ANY"),
                 NOT_FOUND, "Invalid Method identifier specified")
    checks.error("delete a deleted method", lambda: apigw.delete_method(restApiId=api_id, resourceId=root, httpMethod="ANY"),
                 NOT_FOUND, "Invalid Method identifier specified")
    parameters = {"method.request.querystring.q_optional": False, "method.request.querystring.q_required": True,
                  "method.request.header.h_optional": False, "method.request.header.h_required": True}
    put = apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="ANY", authorizationType="NONE",
                           requestParameters=parameters)
    checks.equal("request parameters kept", put["requestParameters"], parameters)
    checks.error("same name in querystring and header", lambda: apigw.put_method(
        restApiId=api_id, resourceId=root, httpMethod="GET", authorizationType="NONE",
        requestParameters={"method.request.querystring.optional": False, "method.request.header.optional": False}),
        BAD_REQUEST, "Parameter names must be unique across querystring, header and path")


def method_models():
    # test_put_method_model
    api_id, root = new_api()
    for name in ("MySchema", "MySchemaTwo"):
        model = apigw.create_model(restApiId=api_id, name=name, contentType="application/json", description="",
                                   schema=json.dumps({"title": name, "type": "object"}))
        checks.equal(f"create_model {name} hides the empty description", "description" in model, False)
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="ANY", authorizationType="NONE",
                     requestModels={"application/json": "MySchema"})
    checks.error("delete a model a method uses", lambda: apigw.delete_model(restApiId=api_id, modelName="MySchema"),
                 CONFLICT, "Cannot delete model 'MySchema', is referenced in method request: //ANY")
    updated = apigw.update_method(restApiId=api_id, resourceId=root, httpMethod="ANY", patchOperations=[
        {"op": "replace", "path": "/requestModels/application~1json", "value": "MySchemaTwo"}])
    checks.equal("replace a request model", updated["requestModels"], {"application/json": "MySchemaTwo"})
    checks.equal("delete_model answers 202", status(apigw.delete_model(restApiId=api_id, modelName="MySchema")), 202)
    test = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="test")["id"]
    apigw.put_method(restApiId=api_id, resourceId=test, httpMethod="ANY", authorizationType="NONE",
                     requestModels={"application/json": "MySchemaTwo"})
    removed = apigw.update_method(restApiId=api_id, resourceId=test, httpMethod="ANY", patchOperations=[
        {"op": "remove", "path": "/requestModels/application~1json", "value": "MySchemaTwo"}])
    checks.equal("removing the last request model hides requestModels", "requestModels" in removed, False)
    checks.error("the other method still uses it", lambda: apigw.delete_model(restApiId=api_id, modelName="MySchemaTwo"),
                 CONFLICT, "Cannot delete model 'MySchemaTwo', is referenced in method request: //ANY")
    apigw.delete_method(restApiId=api_id, resourceId=root, httpMethod="ANY")
    checks.equal("unused model deletes", status(apigw.delete_model(restApiId=api_id, modelName="MySchemaTwo")), 202)


def put_method_validation():
    # test_put_method_validation
    api_id, root = new_api()
    put = lambda **kw: apigw.put_method(**({"restApiId": api_id, "resourceId": root, "httpMethod": "ANY",
                                            "authorizationType": "NONE"} | kw))
    checks.error("unknown api", lambda: put(restApiId="fake-api", httpMethod="WRONG"), NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("unknown resource", lambda: put(resourceId="fake-resource-id", httpMethod="WRONG"),
                 NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("unknown http method", lambda: put(httpMethod="WRONG"), BAD_REQUEST,
                 "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY")
    invalid_authorizer = ("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or "
                          "COGNITO_USER_POOLS requires a valid authorizer.")
    checks.error("CUSTOM without authorizer", lambda: put(authorizationType="CUSTOM"), BAD_REQUEST, invalid_authorizer)
    checks.error("unknown validator", lambda: put(requestValidatorId="fake-validator"), BAD_REQUEST,
                 "Invalid Request Validator identifier specified")
    checks.error("unknown model", lambda: put(requestModels={"application/json": "petModel"}), BAD_REQUEST,
                 "Invalid model identifier specified: petModel")


def update_method():
    # test_update_method
    api_id, root = new_api()
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="ANY", authorizationType="NONE")
    update = lambda *ops: apigw.update_method(restApiId=api_id, resourceId=root, httpMethod="ANY", patchOperations=list(ops))
    added = update({"op": "add", "path": "/requestParameters/method.request.querystring.optional", "value": "true"},
                   {"op": "add", "path": "/requestModels/application~1json", "value": "Empty"})
    checks.equal("add a request parameter and model", (added["requestParameters"], added["requestModels"]),
                 ({"method.request.querystring.optional": True}, {"application/json": "Empty"}))
    replaced = update({"op": "replace", "path": "/operationName", "value": "ReplacedOperationName"},
                      {"op": "replace", "path": "/apiKeyRequired", "value": "true"},
                      {"op": "replace", "path": "/authorizationType", "value": "AWS_IAM"},
                      {"op": "replace", "path": "/requestParameters/method.request.querystring.optional", "value": "false"})
    checks.equal("replace scalars and a parameter",
                 {k: replaced.get(k) for k in ("operationName", "apiKeyRequired", "authorizationType", "requestParameters")},
                 {"operationName": "ReplacedOperationName", "apiKeyRequired": True, "authorizationType": "AWS_IAM",
                  "requestParameters": {"method.request.querystring.optional": False}})
    authorizer = apigw.create_authorizer(restApiId=api_id, name="authorizer-test", type="TOKEN", authorizerUri=AUTHORIZER_URI,
                                         identitySource="method.request.header.Authorization")["id"]
    custom = update({"op": "replace", "path": "/authorizerId", "value": authorizer},
                    {"op": "replace", "path": "/authorizationType", "value": "CUSTOM"})
    checks.equal("authorizer then CUSTOM in one call", (custom["authorizationType"], custom.get("authorizerId")), ("CUSTOM", authorizer))
    removed = update({"op": "remove", "path": "/requestParameters/method.request.querystring.optional", "value": "true"},
                     {"op": "remove", "path": "/requestModels/application~1json", "value": "Empty"})
    checks.equal("removing the last parameter and model hides both",
                 [k for k in ("requestParameters", "requestModels") if k in removed], [])


def update_method_validation():
    # test_update_method_validation
    api_id, root = new_api()
    update = lambda *ops, **kw: apigw.update_method(**({"restApiId": api_id, "resourceId": root, "httpMethod": "ANY",
                                                        "patchOperations": list(ops)} | kw))
    checks.error("unknown api", lambda: update(restApiId="fake-api"), NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("unknown resource", lambda: update(resourceId="fake-resource-id"), NOT_FOUND, "Invalid Resource identifier specified")
    checks.error("unknown method", lambda: update({"op": "replace", "path": "/operationName", "value": "x"}, httpMethod="GET"),
                 NOT_FOUND, "Invalid Method identifier specified")
    apigw.put_method(restApiId=api_id, resourceId=root, httpMethod="ANY", authorizationType="NONE", apiKeyRequired=True)
    replace_only = "Invalid patch operation specified. Must be one of: [replace]"
    checks.error("add /operationName", lambda: update({"op": "add", "path": "/operationName", "value": "operationName"}),
                 BAD_REQUEST, replace_only)
    checks.error("add /requestValidatorId", lambda: update({"op": "add", "path": "/requestValidatorId", "value": "wrong-id"}),
                 BAD_REQUEST, replace_only)
    checks.error("add /httpMethod", lambda: update({"op": "add", "path": "/httpMethod", "value": "PUT"}),
                 BAD_REQUEST, "Invalid patch path /httpMethod")
    checks.error("replace /requestParameters", lambda: update(
        {"op": "replace", "path": "/requestParameters", "value": "method.request.querystring.optional=false"}),
        BAD_REQUEST, "Invalid patch path /requestParameters")
    checks.error("unescaped request model path", lambda: update({"op": "add", "path": "/requestModels/application/json", "value": "Empty"}),
                 BAD_REQUEST, "Invalid patch path /requestModels/application/json")
    checks.equal("a non-boolean apiKeyRequired reads as false",
                 update({"op": "replace", "path": "/apiKeyRequired", "value": "whatever"})["apiKeyRequired"], False)
    invalid_authorizer = ("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or "
                          "COGNITO_USER_POOLS requires a valid authorizer.")
    checks.error("CUSTOM without authorizer", lambda: update({"op": "replace", "path": "/authorizationType", "value": "CUSTOM"}),
                 BAD_REQUEST, invalid_authorizer)
    ignored = update({"op": "replace", "path": "/authorizerId", "value": "abc123"})
    checks.equal("authorizerId is ignored while the type is NONE", ("authorizerId" in ignored, ignored["authorizationType"]),
                 (False, "NONE"))
    checks.error("CUSTOM with an unknown authorizer", lambda: update(
        {"op": "replace", "path": "/authorizationType", "value": "CUSTOM"},
        {"op": "replace", "path": "/authorizerId", "value": "abc123"}), BAD_REQUEST, invalid_authorizer)
    checks.error("unknown validator", lambda: update({"op": "replace", "path": "/requestValidatorId", "value": "fake-id"}),
                 BAD_REQUEST, "Invalid Request Validator identifier specified")


CALC_SCHEMA = ('{\n\t"title": "Calc output",\n\t"type": "object",\n\t"properties": {\n\t\t"a": {\n\t\t\t"type": "number"\n\t\t},'
               '\n\t\t"b": {\n\t\t\t"type": "number"\n\t\t},\n\t\t"op": {\n\t\t\t"description": "operation of +, -, * or /",'
               '\n\t\t\t"type": "string"\n\t\t},\n\t\t"c": {\n\t\t    "type": "number"\n\t\t}\n\t},\n\t"required": ["a", "b", "op"]\n}\n')


def models():
    # test_model_lifecycle, test_model_validation, test_update_model
    api_id, _ = new_api()
    created = apigw.create_model(restApiId=api_id, name="CalcOutput", contentType="application/json",
                                 description="Calc output model", schema=CALC_SCHEMA)
    checks.equal("create_model answers 201", status(created), 201)
    checks.equal("schema is kept as sent", json.loads(created["schema"])["required"], ["a", "b", "op"])
    listed = {m["name"]: m for m in apigw.get_models(restApiId=api_id)["items"]}
    checks.equal("default models", sorted(listed), ["CalcOutput", "Empty", "Error"])
    checks.equal("Empty model", (listed["Empty"]["description"], json.loads(listed["Empty"]["schema"])),
                 ("This is a default empty schema model",
                  {"$schema": "http://json-schema.org/draft-04/schema#", "title": "Empty Schema", "type": "object"}))
    checks.equal("Error model", (listed["Error"]["description"], json.loads(listed["Error"]["schema"])),
                 ("This is a default error schema model",
                  {"$schema": "http://json-schema.org/draft-04/schema#", "title": "Error Schema", "type": "object",
                   "properties": {"message": {"type": "string"}}}))
    checks.equal("delete_model answers 202", status(apigw.delete_model(restApiId=api_id, modelName="CalcOutput")), 202)

    fake = "abcde0"
    schema = json.dumps({"title": "MySchema", "type": "object"})
    checks.error("create_model on an unknown api", lambda: apigw.create_model(
        restApiId=fake, name="MySchema", contentType="application/json", description="Test model", schema=schema),
        NOT_FOUND, no_api(fake))
    checks.error("get_models on an unknown api", lambda: apigw.get_models(restApiId=fake), NOT_FOUND, no_api(fake))
    checks.error("get_model on an unknown api", lambda: apigw.get_model(restApiId=fake, modelName="MySchema"),
                 NOT_FOUND, "Invalid model name specified: MySchema")
    checks.error("delete_model on an unknown api", lambda: apigw.delete_model(restApiId=fake, modelName="MySchema"),
                 NOT_FOUND, "Invalid model name specified: MySchema")
    create = lambda **kw: apigw.create_model(**({"restApiId": api_id, "name": "MySchema", "contentType": "application/json",
                                                 "description": ""} | kw))
    checks.equal("empty description is accepted", status(create(schema=schema)), 201)
    checks.error("duplicate model", lambda: create(schema=schema), CONFLICT, "Model name already exists for this REST API")
    checks.error("empty name", lambda: create(name="", schema=schema), BAD_REQUEST, "Model name must be non-empty")
    empty = "Model schema must have at least 1 property or array items defined"
    checks.error("empty schema", lambda: create(name="MyEmptySchema", schema=""), BAD_REQUEST, empty)
    checks.error("no schema (json)", lambda: create(name="MyEmptySchema"), BAD_REQUEST, empty)
    checks.error("no schema (xml)", lambda: create(name="MyEmptySchemaXml", contentType="application/xml"), BAD_REQUEST, empty)

    api_id, _ = new_api()
    operations = [{"op": "replace", "path": "/schema", "value": json.dumps({"title": "Updated schema", "type": "object"})},
                  {"op": "replace", "path": "/description", "value": ""}]
    checks.error("update_model on an unknown api", lambda: apigw.update_model(restApiId=fake, modelName="mySchema",
                                                                              patchOperations=operations),
                 NOT_FOUND, "Invalid model name specified: mySchema")
    apigw.create_model(restApiId=api_id, name="MySchema", contentType="application/json", description="", schema=schema)
    updated = apigw.update_model(restApiId=api_id, modelName="MySchema", patchOperations=operations)
    checks.equal("update_model replaces schema, empty description hidden",
                 (json.loads(updated["schema"])["title"], "description" in updated), ("Updated schema", False))
    update = lambda *ops: apigw.update_model(restApiId=api_id, modelName="MySchema", patchOperations=list(ops))
    checks.error("add an unknown path", lambda: update({"op": "add", "path": "/wrong-path", "value": "not supported op"}),
                 BAD_REQUEST, unsupported_op("/wrong-path", "add"))
    checks.error("replace /name", lambda: update({"op": "replace", "path": "/name", "value": "invalid"}), BAD_REQUEST,
                 "Invalid patch path  '/name' specified for op 'replace'. Must be one of: [/description, /schema]")
    checks.error("replace with an empty schema", lambda: update({"op": "replace", "path": "/schema", "value": ""}),
                 BAD_REQUEST, empty)


for group in (rest_apis, update_rest_api, resources, proxy_resources, authorizers_without_api, methods, method_models,
              put_method_validation, update_method, update_method_validation, models):
    try:
        section(group.__name__, group)
    except (KeyError, IndexError, TypeError) as e:  # a target that answers without a field fails the group, not the script
        checks.failed.append(group.__name__)
        print(f"FAIL {checks.suite}: {group.__name__}: missing {e!r}")
checks.finish()
