"""API Gateway WebSocket APIs through boto3 and real WebSocket connections: WEBSOCKET CreateApi and its
checks, route and integration responses, then AWS's chat sample (connection ids in DynamoDB, a Python
function that posts to every connection through the @connections API), events, two-way routes and
GoneException, $connect Lambda authorizers and API keys with usage plans, with AWS's codes and
messages.

Runs against FakeAws.Server (FAKEAWS_ENDPOINT); connections open at the host form, a Host header of
{apiId}.execute-api.localhost, with a small RFC 6455 client of the standard library (no `websockets`
module needed). The management checks also run against moto_server for comparison (moto serves no
deployed APIs, so the connection checks are skipped there):
    FAKEAWS_ENDPOINT=http://127.0.0.1:5005 APIGW_TARGET=moto python3 tests/conformance/apigateway_websocket.py
"""
import base64
import io
import json
import os
import socket
import struct
import urllib.parse
import urllib.request
import zipfile

from harness import ENDPOINT, REGION, Checks, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
checks = Checks("apigateway_websocket" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
apigw = client("apigatewayv2")
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/lambda-role"


section = checks.section


class WebSocket:
    """A minimal RFC 6455 client: the upgrade handshake, masked frames out, whole messages in."""

    def __init__(self, api_id, path, query="", headers=None):
        url = urllib.parse.urlparse(ENDPOINT)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        target = path + (f"?{query}" if query else "")
        self.sock.sendall((f"GET {target} HTTP/1.1\r\nHost: {api_id}.execute-api.localhost:{url.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           "User-Agent: conformance/1.0\r\n"
                           + "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items()) + "\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                break
            head += chunk
        self.status = int(head.split(b" ", 2)[1]) if head else 0

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        length = len(payload)
        header = bytes([0x81]) + (bytes([0x80 | length]) if length < 126 else bytes([0x80 | 126]) + struct.pack(">H", length))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def receive(self):
        """The next text or binary message as text, or ('close', status) when the server closes."""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                return ("close", struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else 1005)
            if opcode in (0x1, 0x2):
                return payload.decode()

    def close(self):
        mask = os.urandom(4)
        payload = struct.pack(">H", 1000)
        self.sock.sendall(bytes([0x88, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        try:
            self.receive()
        except (ConnectionError, OSError):
            pass
        self.sock.close()


def management():
    checks.error("create_api WEBSOCKET without a route selection expression",
                 lambda: apigw.create_api(Name="ws", ProtocolType="WEBSOCKET"), "BadRequestException")
    api = apigw.create_api(Name="ws", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")
    checks.equal("create_api WEBSOCKET", (api["ProtocolType"], api["RouteSelectionExpression"], api["ApiEndpoint"]),
                 ("WEBSOCKET", "$request.body.action", f"wss://{api['ApiId']}.execute-api.{REGION}.amazonaws.com"))
    checks.equal("api key selection expression default", api.get("ApiKeySelectionExpression"), "$request.header.x-api-key")
    api_id = api["ApiId"]
    for key in ("$connect", "$disconnect", "$default", "sendmessage"):
        checks.equal(f"create_route {key}", apigw.create_route(ApiId=api_id, RouteKey=key)["RouteKey"], key)
    route = apigw.create_route(ApiId=api_id, RouteKey="echo", RouteResponseSelectionExpression="$default")
    checks.equal("route response selection expression", route.get("RouteResponseSelectionExpression"), "$default")
    response = apigw.create_route_response(ApiId=api_id, RouteId=route["RouteId"], RouteResponseKey="$default")
    checks.equal("create_route_response", response["RouteResponseKey"], "$default")
    checks.equal("get_route_responses", [r["RouteResponseId"] for r in apigw.get_route_responses(ApiId=api_id, RouteId=route["RouteId"])["Items"]],
                 [response["RouteResponseId"]])
    apigw.delete_route_response(ApiId=api_id, RouteId=route["RouteId"], RouteResponseId=response["RouteResponseId"])
    checks.error("get_route_response deleted",
                 lambda: apigw.get_route_response(ApiId=api_id, RouteId=route["RouteId"], RouteResponseId=response["RouteResponseId"]), "NotFoundException")
    integration = apigw.create_integration(ApiId=api_id, IntegrationType="MOCK", RequestTemplates={"$default": '{"statusCode": 200}'},
                                           TemplateSelectionExpression="\\$default")
    checks.equal("create_integration MOCK", integration["IntegrationType"], "MOCK")
    ir = apigw.create_integration_response(ApiId=api_id, IntegrationId=integration["IntegrationId"], IntegrationResponseKey="$default",
                                           ResponseTemplates={"$default": '{"ok": true}'})
    checks.equal("create_integration_response", ir["IntegrationResponseKey"], "$default")
    got = apigw.get_integration_response(ApiId=api_id, IntegrationId=integration["IntegrationId"], IntegrationResponseId=ir["IntegrationResponseId"])
    checks.equal("get_integration_response", got["ResponseTemplates"], {"$default": '{"ok": true}'})
    checks.equal("get_integration_responses", len(apigw.get_integration_responses(ApiId=api_id, IntegrationId=integration["IntegrationId"])["Items"]), 1)


def python_function(name, code, variables=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", code)
    lam = client("lambda")
    arn = lam.create_function(FunctionName=name, Runtime="python3.12", Role=ROLE, Handler="app.handler", Code={"ZipFile": buffer.getvalue()},
                              Environment={"Variables": variables or {}}, Timeout=30)["FunctionArn"]
    lam.add_permission(FunctionName=name, StatementId="apigateway", Action="lambda:InvokeFunction", Principal="apigateway.amazonaws.com",
                       SourceArn=f"arn:aws:execute-api:{REGION}:{ACCOUNT}:*")
    return arn


# AWS's simple-websockets-chat-app, in Python: connection ids in a table, sendmessage posts to each through @connections.
CHAT = """
import json, os, boto3

table = boto3.resource("dynamodb", endpoint_url=os.environ["ENDPOINT"]).Table("connections")

def handler(event, context):
    route = event["requestContext"]["routeKey"]
    connection = event["requestContext"]["connectionId"]
    if route == "$connect":
        if event.get("queryStringParameters", {}).get("token") != "letmein":
            return {"statusCode": 401}
        table.put_item(Item={"connectionId": connection})
    elif route == "$disconnect":
        table.delete_item(Key={"connectionId": connection})
    elif route == "sendmessage":
        stage = event["requestContext"]["stage"]
        api = boto3.client("apigatewaymanagementapi", endpoint_url=os.environ["ENDPOINT"] + "/" + stage)
        data = json.loads(event["body"])["data"]
        for item in table.scan()["Items"]:
            api.post_to_connection(ConnectionId=item["connectionId"], Data=data.encode())
    else:
        return {"statusCode": 200, "body": json.dumps({"route": route, "eventType": event["requestContext"]["eventType"],
                                                       "body": event["body"], "connectionId": connection})}
    return {"statusCode": 200}
"""


def chat():
    client("dynamodb").create_table(TableName="connections", KeySchema=[{"AttributeName": "connectionId", "KeyType": "HASH"}],
                                    AttributeDefinitions=[{"AttributeName": "connectionId", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    arn = python_function("chat", CHAT, {"ENDPOINT": ENDPOINT})
    api_id = apigw.create_api(Name="chat", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")["ApiId"]
    integration = apigw.create_integration(ApiId=api_id, IntegrationType="AWS_PROXY",
                                           IntegrationUri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{arn}/invocations")
    target = f"integrations/{integration['IntegrationId']}"
    for key in ("$connect", "$disconnect", "sendmessage"):
        apigw.create_route(ApiId=api_id, RouteKey=key, Target=target)
    echo = apigw.create_route(ApiId=api_id, RouteKey="echo", Target=target, RouteResponseSelectionExpression="$default")
    apigw.create_route_response(ApiId=api_id, RouteId=echo["RouteId"], RouteResponseKey="$default")
    apigw.create_stage(ApiId=api_id, StageName="production", AutoDeploy=True)

    refused = WebSocket(api_id, "/production")
    checks.equal("$connect 401 refuses the upgrade", refused.status, 401)
    refused.sock.close()
    checks.equal("unknown stage refused", WebSocket(api_id, "/nope", "token=letmein").status, 403)
    alice = WebSocket(api_id, "/production", "token=letmein")
    bob = WebSocket(api_id, "/production", "token=letmein")
    checks.equal("upgrade accepted", (alice.status, bob.status), (101, 101))
    alice.send(json.dumps({"action": "sendmessage", "data": "hello everyone"}))
    checks.equal("alice receives the chat message", alice.receive(), "hello everyone")
    checks.equal("bob receives the chat message", bob.receive(), "hello everyone")

    alice.send(json.dumps({"action": "echo", "data": 1}))
    answer = json.loads(alice.receive())
    checks.equal("two-way route answers the function's body", (answer["route"], answer["eventType"], json.loads(answer["body"])),
                 ("echo", "MESSAGE", {"action": "echo", "data": 1}))
    alice.send(json.dumps({"action": "nothing"}))
    forbidden = json.loads(alice.receive())
    checks.equal("no route and no $default", (forbidden["message"], forbidden["connectionId"]), ("Forbidden", answer["connectionId"]))

    connections = client("apigatewaymanagementapi", endpoint=f"{ENDPOINT}/production")
    info = connections.get_connection(ConnectionId=answer["connectionId"])
    checks.equal("get_connection identity", (info["Identity"]["SourceIp"], info["Identity"]["UserAgent"]), ("127.0.0.1", "conformance/1.0"))
    checks.equal("get_connection times", info["ConnectedAt"] <= info["LastActiveAt"], True)
    connections.post_to_connection(ConnectionId=answer["connectionId"], Data=b"from the backend")
    checks.equal("post_to_connection arrives", alice.receive(), "from the backend")
    connections.delete_connection(ConnectionId=answer["connectionId"])
    checks.equal("delete_connection closes the socket", alice.receive(), ("close", 1005))
    checks.error("post_to_connection after delete", lambda: connections.post_to_connection(ConnectionId=answer["connectionId"], Data=b"x"), "GoneException")
    checks.error("get_connection unknown", lambda: connections.get_connection(ConnectionId="AAAAAAAAAAAAAAA="), "GoneException")
    checks.equal("$disconnect removed alice", len(client("dynamodb").scan(TableName="connections")["Items"]), 1)
    bob.close()
    checks.equal("$disconnect removed bob", client("dynamodb").scan(TableName="connections")["Items"], [])


# A $connect authorizer as AWS's WebSocket sample writes one: the Auth header decides, the context reaches the routes.
AUTHORIZER = """
def handler(event, context):
    effect = "Allow" if event["headers"].get("Auth") == "letmein" else "Deny"
    return {"principalId": "me", "context": {"room": event["queryStringParameters"]["room"], "arn": event["methodArn"]},
            "usageIdentifierKey": "ws-partner-key-0123456789",
            "policyDocument": {"Version": "2012-10-17",
                               "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": event["methodArn"]}]}}
"""

ECHO = """
import json

def handler(event, context):
    return {"statusCode": 200, "body": json.dumps(event["requestContext"].get("authorizer"))}
"""


def authorized():
    authorizer_arn = python_function("ws-authorizer", AUTHORIZER)
    echo_arn = python_function("ws-echo", ECHO)
    api_id = apigw.create_api(Name="authorized", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")["ApiId"]
    authorizer = apigw.create_authorizer(ApiId=api_id, Name="auth", AuthorizerType="REQUEST",
                                         AuthorizerUri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{authorizer_arn}/invocations",
                                         IdentitySource=["route.request.header.Auth", "route.request.querystring.room"])
    integration = apigw.create_integration(ApiId=api_id, IntegrationType="AWS_PROXY",
                                           IntegrationUri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{echo_arn}/invocations")
    target = f"integrations/{integration['IntegrationId']}"
    connect = apigw.create_route(ApiId=api_id, RouteKey="$connect", Target=target, AuthorizationType="CUSTOM", AuthorizerId=authorizer["AuthorizerId"])
    checks.equal("create_route $connect CUSTOM", (connect["AuthorizationType"], connect["AuthorizerId"]), ("CUSTOM", authorizer["AuthorizerId"]))
    checks.error("authorization on another route",
                 lambda: apigw.create_route(ApiId=api_id, RouteKey="sendmessage", AuthorizationType="CUSTOM", AuthorizerId=authorizer["AuthorizerId"]),
                 "BadRequestException", "Currently, authorization is restricted to the $connect route only")
    echo = apigw.create_route(ApiId=api_id, RouteKey="echo", Target=target, RouteResponseSelectionExpression="$default", ApiKeyRequired=True)
    apigw.create_route_response(ApiId=api_id, RouteId=echo["RouteId"], RouteResponseKey="$default")
    apigw.create_stage(ApiId=api_id, StageName="production", AutoDeploy=True)

    checks.equal("authorizer: missing identity source is 401", WebSocket(api_id, "/production", headers={"Auth": "letmein"}).status, 401)
    checks.equal("authorizer: Deny is 403", WebSocket(api_id, "/production", "room=blue", {"Auth": "wrong"}).status, 403)
    client_socket = WebSocket(api_id, "/production", "room=blue", {"Auth": "letmein"})
    checks.equal("authorizer: Allow connects", client_socket.status, 101)
    client_socket.send(json.dumps({"action": "echo"}))
    checks.equal("api key required without a key: Forbidden", json.loads(client_socket.receive())["message"], "Forbidden")
    client_socket.close()

    gateway = client("apigateway")
    key = gateway.create_api_key(name="partner", enabled=True, value="ws-partner-key-0123456789")
    plan = gateway.create_usage_plan(name="ws", apiStages=[{"apiId": api_id, "stage": "production"}])
    checks.equal("usage plan of a WebSocket stage", plan["apiStages"], [{"apiId": api_id, "stage": "production"}])
    gateway.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    keyed = WebSocket(api_id, "/production", "room=blue", {"Auth": "letmein", "x-api-key": "ws-partner-key-0123456789"})
    keyed.send(json.dumps({"action": "echo"}))
    checks.equal("authorizer context in the route's event", json.loads(keyed.receive()),
                 {"room": "blue", "arn": f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{api_id}/production/$connect",
                  "principalId": "me", "integrationLatency": 0})
    keyed.close()
    apigw.update_api(ApiId=api_id, ApiKeySelectionExpression="$context.authorizer.usageIdentifierKey")
    by_authorizer = WebSocket(api_id, "/production", "room=blue", {"Auth": "letmein"})
    by_authorizer.send(json.dumps({"action": "echo"}))
    checks.equal("key from the authorizer's usageIdentifierKey", json.loads(by_authorizer.receive())["principalId"], "me")
    by_authorizer.close()


section("management", management)
if not MOTO:
    section("chat", chat)
    section("authorizers and API keys", authorized)
checks.finish()
