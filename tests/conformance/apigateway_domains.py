"""API Gateway custom domain names through boto3 and plain HTTP: v1 domain names and base path
mappings, v2 domain names and API mappings (one store: each API sees the other's), with AWS's codes
and messages, and requests to the domain's host routed through the mappings.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT); the domain is called with its name as the Host
header. The management checks also run against moto_server for comparison (moto serves no deployed
APIs, so the HTTP checks are skipped there):
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_domains.py
"""
import io
import json
import os
import re
import urllib.error
import urllib.request
import zipfile

from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_domains" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
apigw2 = client("apigatewayv2")
lam = client("lambda")
ACCOUNT = "123456789012"
CERTIFICATE = f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666"


section = checks.section


def http(path, host):
    """A plain GET through the server with the given Host header: (status, body text)."""
    request = urllib.request.Request(f"{ENDPOINT}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def echo_api():
    """A REST API whose /items/{id} proxies to FakeAws's Echo handler, deployed to prod."""
    api = apigw.create_rest_api(name="shop", endpointConfiguration={"types": ["REGIONAL"]})
    root = apigw.get_resources(restApiId=api["id"])["items"][0]["id"]
    items = apigw.create_resource(restApiId=api["id"], parentId=root, pathPart="items")["id"]
    item = apigw.create_resource(restApiId=api["id"], parentId=items, pathPart="{id}")["id"]
    apigw.put_method(restApiId=api["id"], resourceId=item, httpMethod="GET", authorizationType="NONE")
    if not MOTO:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("bootstrap.txt", "in-process code")
        arn = lam.create_function(FunctionName="echo", Runtime="dotnet8", Role=f"arn:aws:iam::{ACCOUNT}:role/r",
                                  Handler="FakeAws::FakeAws.ApiGateway.ProxyHandlers::Echo", Code={"ZipFile": buffer.getvalue()})["FunctionArn"]
        lam.add_permission(FunctionName="echo", StatementId="apigateway", Action="lambda:InvokeFunction", Principal="apigateway.amazonaws.com",
                           SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api['id']}/*")
        apigw.put_integration(restApiId=api["id"], resourceId=item, httpMethod="GET", type="AWS_PROXY", integrationHttpMethod="POST",
                              uri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{arn}/invocations")
    else:
        apigw.put_integration(restApiId=api["id"], resourceId=item, httpMethod="GET", type="MOCK")
    apigw.create_deployment(restApiId=api["id"], stageName="prod")
    return api["id"]


API_ID = echo_api()


def v1_domain_names():
    regional = apigw.create_domain_name(domainName="api.example.com", regionalCertificateArn=CERTIFICATE,
                                        endpointConfiguration={"types": ["REGIONAL"]}, securityPolicy="TLS_1_2")
    checks.equal("regionalDomainName form", bool(re.fullmatch(r"d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com", regional.get("regionalDomainName", ""))), True)
    checks.equal("regional domain status", regional.get("domainNameStatus"), "AVAILABLE")
    edge = apigw.create_domain_name(domainName="edge.example.com", certificateArn=CERTIFICATE)
    checks.equal("distributionDomainName form", bool(re.fullmatch(r"d[a-z0-9]{13}\.cloudfront\.net", edge.get("distributionDomainName", ""))), True)
    checks.equal("distributionHostedZoneId", edge.get("distributionHostedZoneId"), "Z2FDTNDATAQYW2")
    checks.equal("get_domain_name", apigw.get_domain_name(domainName="api.example.com")["regionalDomainName"], regional["regionalDomainName"])
    checks.equal("get_domain_names", sorted(d["domainName"] for d in apigw.get_domain_names()["items"]), ["api.example.com", "edge.example.com"])
    checks.error("get_domain_name unknown", lambda: apigw.get_domain_name(domainName="nope.example.com"),
                 "NotFoundException", "Invalid domain name identifier specified")
    apigw.delete_domain_name(domainName="edge.example.com")
    checks.error("delete_domain_name twice", lambda: apigw.delete_domain_name(domainName="edge.example.com"),
                 "NotFoundException", "Invalid domain name identifier specified")


def v1_base_path_mappings():
    mapping = apigw.create_base_path_mapping(domainName="api.example.com", restApiId=API_ID, basePath="v1", stage="prod")
    checks.equal("create_base_path_mapping", (mapping["basePath"], mapping["restApiId"], mapping["stage"]), ("v1", API_ID, "prod"))
    root = apigw.create_base_path_mapping(domainName="api.example.com", restApiId=API_ID)
    checks.equal("root mapping is (none), without a stage", (root["basePath"], "stage" in root), ("(none)", False))
    checks.error("duplicate base path", lambda: apigw.create_base_path_mapping(domainName="api.example.com", restApiId=API_ID, basePath="v1"),
                 "ConflictException", "Base path already exists for this domain name")
    checks.error("slash in a v1 base path", lambda: apigw.create_base_path_mapping(domainName="api.example.com", restApiId=API_ID, basePath="a/b"),
                 "BadRequestException",
                 "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2.")
    checks.error("unknown REST API", lambda: apigw.create_base_path_mapping(domainName="api.example.com", restApiId="abcdefghij", basePath="x"),
                 "BadRequestException", "Invalid REST API identifier specified")
    checks.error("unknown stage", lambda: apigw.create_base_path_mapping(domainName="api.example.com", restApiId=API_ID, basePath="x", stage="nope"),
                 "BadRequestException", "Invalid stage identifier specified")
    checks.error("unknown domain", lambda: apigw.get_base_path_mappings(domainName="nope.example.com"),
                 "NotFoundException", "Invalid domain name identifier specified")
    checks.equal("get_base_path_mapping (none)", apigw.get_base_path_mapping(domainName="api.example.com", basePath="(none)")["restApiId"], API_ID)
    checks.equal("get_base_path_mappings", sorted(m["basePath"] for m in apigw.get_base_path_mappings(domainName="api.example.com")["items"]), ["(none)", "v1"])
    updated = apigw.update_base_path_mapping(domainName="api.example.com", basePath="(none)",
                                             patchOperations=[{"op": "replace", "path": "/basePath", "value": "v0"}])
    checks.equal("update_base_path_mapping", updated["basePath"], "v0")
    apigw.delete_base_path_mapping(domainName="api.example.com", basePath="v0")
    checks.error("deleted base path", lambda: apigw.get_base_path_mapping(domainName="api.example.com", basePath="v0"),
                 "NotFoundException", "Invalid base path mapping identifier specified")


def v2_domain_names():
    created = apigw2.create_domain_name(DomainName="http.example.com", DomainNameConfigurations=[{"CertificateArn": CERTIFICATE, "EndpointType": "REGIONAL"}])
    configuration = created["DomainNameConfigurations"][0]
    checks.equal("v2 ApiGatewayDomainName form", bool(re.fullmatch(r"d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com", configuration.get("ApiGatewayDomainName", ""))), True)
    checks.equal("v2 ApiMappingSelectionExpression", created.get("ApiMappingSelectionExpression"), "$request.basepath")
    checks.error("v2 create twice", lambda: apigw2.create_domain_name(DomainName="http.example.com"),
                 "ConflictException", "The domain name resource already exists.")
    checks.error("v2 unknown domain", lambda: apigw2.get_domain_name(DomainName="nope.example.com"),
                 "NotFoundException", "The domain name resource specified in the request was not found.")
    mapping = apigw2.create_api_mapping(DomainName="http.example.com", ApiId=API_ID, Stage="prod", ApiMappingKey="store/v2")
    checks.equal("multi-level api mapping key", mapping["ApiMappingKey"], "store/v2")
    checks.error("api mapping key with a leading slash", lambda: apigw2.create_api_mapping(DomainName="http.example.com", ApiId=API_ID, Stage="prod", ApiMappingKey="/x"),
                 "BadRequestException", "API mapping key should not start with a '/' or have consecutive '/'s.")
    checks.error("api mapping key with a trailing slash", lambda: apigw2.create_api_mapping(DomainName="http.example.com", ApiId=API_ID, Stage="prod", ApiMappingKey="x/"),
                 "BadRequestException", "API mapping key should not end with a '/'.")
    checks.equal("get_api_mappings", [m["ApiMappingKey"] for m in apigw2.get_api_mappings(DomainName="http.example.com")["Items"]], ["store/v2"])
    checks.equal("get_api_mapping", apigw2.get_api_mapping(DomainName="http.example.com", ApiMappingId=mapping["ApiMappingId"])["Stage"], "prod")
    if not MOTO:
        # One store of domains on AWS: a v1 domain is a v2 domain, a base path mapping an API mapping.
        checks.equal("v2 lists the v1 domain", sorted(d["DomainName"] for d in apigw2.get_domain_names()["Items"]), ["api.example.com", "http.example.com"])
        checks.equal("v1 sees the v2 mapping", apigw.get_base_path_mapping(domainName="http.example.com", basePath="store/v2")["stage"], "prod")


def invoke():
    status, body = http("/v1/items/42", "api.example.com")
    event = json.loads(body) if status == 200 else {}
    checks.equal("domain request reaches the mapped stage", status, 200)
    checks.equal("event path keeps the base path", event.get("path"), "/v1/items/42")
    checks.equal("event resource", event.get("resource"), "/items/{id}")
    checks.equal("requestContext.domainName", event.get("requestContext", {}).get("domainName"), "api.example.com")
    checks.equal("requestContext.stage", event.get("requestContext", {}).get("stage"), "prod")
    status, body = http("/other/items/42", "api.example.com")
    checks.equal("unmapped base path", (status, body), (403, '{"message":"Forbidden"}'))
    status, body = http("/store/v2/items/7", "http.example.com")
    checks.equal("multi-level key", (status, json.loads(body).get("pathParameters") if status == 200 else body), (200, {"id": "7"}))


section("v1 domain names", v1_domain_names)
section("v1 base path mappings", v1_base_path_mappings)
section("v2 domain names and api mappings", v2_domain_names)
if not MOTO:
    section("invoke", invoke)
checks.finish()
