"""API Gateway documentation parts and versions of REST APIs through boto3: location rules and
wildcards, the conflict on an occupied location, the list filters, updates, imports in merge and
overwrite mode, and versions published to a stage.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). moto 5.2.1 does not serve documentation parts, so
there is no moto comparison for this script.
"""
import json
import urllib.request

from harness import ENDPOINT, Checks, client

checks = Checks("apigateway_documentation")
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/reset", method="POST"))
apigw = client("apigateway")
api = apigw.create_rest_api(name="documented")["id"]

section = checks.section


def parts():
    header = apigw.create_documentation_part(restApiId=api, location={"type": "RESPONSE_HEADER", "path": "/pets", "name": "x-next"},
                                             properties=json.dumps({"description": "next page"}))
    loc = header["location"]
    checks.equal("wildcards filled in", (loc["path"], loc["method"], loc["statusCode"], loc["name"]), ("/pets", "*", "*", "x-next"))
    method = apigw.create_documentation_part(restApiId=api, location={"type": "METHOD", "path": "/pets"}, properties="{}")
    checks.error("occupied location", lambda: apigw.create_documentation_part(restApiId=api, location={"type": "METHOD", "path": "/pets", "method": "*"}, properties="{}"),
                 "ConflictException", "Documentation part already exists for the specified location: type 'METHOD', path '/pets', method '*'.")
    checks.error("field the type does not take", lambda: apigw.create_documentation_part(restApiId=api, location={"type": "API", "method": "GET"}, properties="{}"),
                 "BadRequestException")
    checks.error("name required", lambda: apigw.create_documentation_part(restApiId=api, location={"type": "MODEL"}, properties="{}"), "BadRequestException")
    checks.equal("filter by type", [p["id"] for p in apigw.get_documentation_parts(restApiId=api, type="METHOD")["items"]], [method["id"]])
    checks.equal("filter by name", [p["id"] for p in apigw.get_documentation_parts(restApiId=api, nameQuery="NEXT")["items"]], [header["id"]])
    checks.equal("undocumented", [p["id"] for p in apigw.get_documentation_parts(restApiId=api, locationStatus="UNDOCUMENTED")["items"]], [method["id"]])
    page = apigw.get_documentation_parts(restApiId=api, limit=1)
    checks.equal("paging", (len(page["items"]), "position" in page), (1, True))
    updated = apigw.update_documentation_part(restApiId=api, documentationPartId=method["id"],
                                              patchOperations=[{"op": "replace", "path": "/properties", "value": '{"summary":"list"}'}])
    checks.equal("update properties", updated["properties"], '{"summary":"list"}')
    apigw.delete_documentation_part(restApiId=api, documentationPartId=header["id"])
    checks.error("deleted part", lambda: apigw.get_documentation_part(restApiId=api, documentationPartId=header["id"]),
                 "NotFoundException", "Invalid Documentation part identifier specified")


def imports():
    document = {"swagger": "2.0", "x-amazon-apigateway-documentation": {"version": "1", "documentationParts": [
        {"location": {"type": "API"}, "properties": {"description": "imported"}},
        {"location": {"type": "METHOD", "path": "/pets"}, "properties": {"summary": "merged"}},
    ]}}
    merged = apigw.import_documentation_parts(restApiId=api, mode="merge", body=json.dumps(document).encode())
    checks.equal("merge: ids", len(merged["ids"]), 2)
    checks.equal("merge: updates the occupied location",
                 [json.loads(p["properties"]) for p in apigw.get_documentation_parts(restApiId=api, type="METHOD")["items"]], [{"summary": "merged"}])
    document["x-amazon-apigateway-documentation"]["documentationParts"] = [{"location": {"type": "API"}, "properties": {"description": "only"}}]
    apigw.import_documentation_parts(restApiId=api, mode="overwrite", body=json.dumps(document).encode())
    checks.equal("overwrite: only the file's parts", [p["location"]["type"] for p in apigw.get_documentation_parts(restApiId=api)["items"]], ["API"])


def versions():
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    apigw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
    apigw.create_deployment(restApiId=api, stageName="prod")
    version = apigw.create_documentation_version(restApiId=api, documentationVersion="1.0", stageName="prod", description="first")
    checks.equal("version", (version["version"], version["description"], "createdDate" in version), ("1.0", "first", True))
    checks.equal("published to the stage", apigw.get_stage(restApiId=api, stageName="prod").get("documentationVersion"), "1.0")
    checks.error("duplicate version", lambda: apigw.create_documentation_version(restApiId=api, documentationVersion="1.0"), "ConflictException")
    updated = apigw.update_documentation_version(restApiId=api, documentationVersion="1.0",
                                                 patchOperations=[{"op": "replace", "path": "/description", "value": "renamed"}])
    checks.equal("update description", updated["description"], "renamed")
    checks.equal("list", [v["version"] for v in apigw.get_documentation_versions(restApiId=api)["items"]], ["1.0"])
    apigw.delete_documentation_version(restApiId=api, documentationVersion="1.0")
    checks.error("deleted version", lambda: apigw.get_documentation_version(restApiId=api, documentationVersion="1.0"), "NotFoundException")


section("documentation parts", parts)
section("imports", imports)
section("versions", versions)
checks.finish()
