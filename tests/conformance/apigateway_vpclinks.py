"""API Gateway VPC links through boto3: v1 links to one network load balancer and v2 links into
subnets, their shapes, updates, deletions and AWS's not-found errors, and an integration that
names a v1 link through connectionType VPC_LINK.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT). Also runs against moto_server for comparison:
    FAKEAWS_ENDPOINT=http://127.0.0.1:5004 APIGW_TARGET=moto python3 tests/conformance/apigateway_vpclinks.py
"""
import os
import urllib.request

from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_vpclinks" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigateway")
apigw2 = client("apigatewayv2")
NLB = f"arn:aws:elasticloadbalancing:{REGION}:123456789012:loadbalancer/net/backend/50dc6c495c0c9188"


section = checks.section


def v1_links():
    link = apigw.create_vpc_link(name="rest", description="to the NLB", targetArns=[NLB], tags={"team": "a"})
    checks.equal("create: name, description, targets, tags",
                 (link["name"], link["description"], link["targetArns"], link["tags"]), ("rest", "to the NLB", [NLB], {"team": "a"}))
    checks.equal("create: status", link["status"], "AVAILABLE")
    checks.equal("get", apigw.get_vpc_link(vpcLinkId=link["id"])["name"], "rest")
    checks.equal("get_vpc_links", [l["id"] for l in apigw.get_vpc_links()["items"]], [link["id"]])
    updated = apigw.update_vpc_link(vpcLinkId=link["id"], patchOperations=[{"op": "replace", "path": "/name", "value": "renamed"}])
    checks.equal("update name", updated["name"], "renamed")
    # An integration names the link by its id.
    api = apigw.create_rest_api(name="private")
    root = apigw.get_resources(restApiId=api["id"])["items"][0]["id"]
    apigw.put_method(restApiId=api["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api["id"], resourceId=root, httpMethod="GET", type="HTTP_PROXY", integrationHttpMethod="GET",
                          uri="http://backend.internal/", connectionType="VPC_LINK", connectionId=link["id"])
    integration = apigw.get_integration(restApiId=api["id"], resourceId=root, httpMethod="GET")
    checks.equal("integration keeps the connection", (integration.get("connectionType"), integration.get("connectionId")), ("VPC_LINK", link["id"]))
    apigw.delete_vpc_link(vpcLinkId=link["id"])
    checks.error("get deleted", lambda: apigw.get_vpc_link(vpcLinkId=link["id"]), "NotFoundException", "Invalid Vpc Link identifier specified")
    checks.error("delete unknown", lambda: apigw.delete_vpc_link(vpcLinkId="nosuch"), "NotFoundException", "Invalid Vpc Link identifier specified")


def v2_links():
    link = apigw2.create_vpc_link(Name="http", SubnetIds=["subnet-1", "subnet-2"], SecurityGroupIds=["sg-1"], Tags={"team": "a"})
    checks.equal("v2 create: name, subnets, groups, tags",
                 (link["Name"], link["SubnetIds"], link["SecurityGroupIds"], link["Tags"]), ("http", ["subnet-1", "subnet-2"], ["sg-1"], {"team": "a"}))
    checks.equal("v2 create: status and version", (link["VpcLinkStatus"], link["VpcLinkVersion"]), ("AVAILABLE", "V2"))
    checks.equal("v2 get", apigw2.get_vpc_link(VpcLinkId=link["VpcLinkId"])["Name"], "http")
    checks.equal("v2 get_vpc_links", [l["VpcLinkId"] for l in apigw2.get_vpc_links()["Items"]], [link["VpcLinkId"]])
    checks.equal("v2 update name", apigw2.update_vpc_link(VpcLinkId=link["VpcLinkId"], Name="renamed")["Name"], "renamed")
    apigw2.delete_vpc_link(VpcLinkId=link["VpcLinkId"])
    checks.error("v2 get deleted", lambda: apigw2.get_vpc_link(VpcLinkId=link["VpcLinkId"]),
                 "NotFoundException", f"Invalid VpcLink identifier specified {link['VpcLinkId']}")
    checks.error("v2 get unknown", lambda: apigw2.get_vpc_link(VpcLinkId="unknown"), "NotFoundException", "Invalid VpcLink identifier specified unknown")


section("v1 vpc links", v1_links)
section("v2 vpc links", v2_links)
checks.finish()
