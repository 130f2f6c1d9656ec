"""DynamoDB's front door through raw HTTP and boto3, against FakeAws.Server: what a request gets before
DynamoDB reads it (the health check, malformed HTTP and JSON, compressed bodies, the 16 MB limit).

The expected answers are DynamoDB's, as the AWS-verified suites record them (dynalite's connection
tests, ScyllaDB Alternator's test_manual_requests.py and test_compressed_request.py); docs/DYNAMODB.md
lists them.

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 python3 tests/conformance/dynamodb_front_door.py
"""
import gzip
import http.client
import json
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from harness import ENDPOINT, REGION, Checks, admin, client

HOST = urllib.parse.urlparse(ENDPOINT)


def send(method, path="/", body=b"", headers=None, chunked=False):
    """One raw request; returns (status, headers, body)."""
    connection = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=60)
    try:
        try:
            if chunked:
                connection.putrequest(method, path)
                for name, value in (headers or {}).items():
                    connection.putheader(name, value)
                connection.putheader("Transfer-Encoding", "chunked")
                connection.endheaders()
                size = max(7, len(body) // 64)
                for start in range(0, len(body), size):
                    piece = body[start:start + size]
                    connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                connection.send(b"0\r\n\r\n")
            else:
                connection.request(method, path, body=body, headers=headers or {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before reading the whole body (a 413): read its answer
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def signed(operation, body, extra=None):
    """Headers of a DynamoDB request signed as boto3 signs it."""
    request = AWSRequest(method="POST", url=ENDPOINT + "/", data=body, headers={
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": f"DynamoDB_20120810.{operation}" if operation else None,
        **(extra or {}),
    })
    if not operation:
        del request.headers["X-Amz-Target"]
    SigV4Auth(Credentials("AKIAFAKEAWS000000000", "secret"), "dynamodb", REGION).add_auth(request)
    return dict(request.headers.items())


def call(operation, body, extra=None, chunked=False):
    data = body if isinstance(body, bytes) else body.encode()
    return send("POST", "/", data, signed(operation, data, extra), chunked)


def error_type(response):
    return json.loads(response[2])["__type"]


def main():
    check = Checks("dynamodb_front_door")
    admin("reset", {})
    ddb = client("dynamodb")
    ddb.create_table(TableName="items", BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}])
    put = lambda key: json.dumps({"TableName": "items", "Item": {"pk": {"S": key}}})
    stored = lambda key: "Item" in ddb.get_item(TableName="items", Key={"pk": {"S": key}})

    status, _, body = send("GET", "/")
    check.equal("health check", (status, body), (200, b"healthy: dynamodb.us-east-1.amazonaws.com "))

    # Malformed JSON and payloads that are not an object.
    for text in ['{"TableName":', "}{", "[]", "7", '"text"']:
        response = call("DescribeTable", text)
        check.equal(f"payload {text!r}", (response[0], error_type(response)), (400, "com.amazon.coral.service#SerializationException"))
    response = call("DescribeTable", "null")
    check.equal("JSON null is an empty input", (response[0], error_type(response)), (400, "com.amazon.coral.validate#ValidationException"))

    # Content-Type, method and X-Amz-Target.
    for content_type in ["text/plain", None]:
        headers = signed("ListTables", b"{}")
        if content_type:
            headers["Content-Type"] = content_type
        else:
            del headers["Content-Type"]
        status, _, body = send("POST", "/", b"{}", headers)
        check.equal(f"content type {content_type}", (status, body), (404, b"<UnknownOperationException/>\n"))
    check.equal("application/json is JSON", call("ListTables", "{}", {"Content-Type": "application/json"})[0], 200)
    # Answers are framed by Content-Length, as DynamoDB's are, not chunked.
    _, headers, body = call("ListTables", "{}")
    check.equal("answer framed by Content-Length", (headers.get("content-length"), "transfer-encoding" in headers), (str(len(body)), False))
    response = call(None, "{}")
    check.equal("no X-Amz-Target", (response[0], error_type(response)), (400, "com.amazon.coral.service#UnknownOperationException"))
    response = call("MakeCoffee", "{}")
    check.equal("unknown X-Amz-Target", (response[0], error_type(response)), (400, "com.amazon.coral.service#UnknownOperationException"))

    # Sizes: a body over 16 MB is refused with 413; oversized headers and request lines are refused, never a 500.
    big = b'{"TableName":"items","Item":{"pk":{"S":"big"},"v":{"S":"' + b"x" * (16 * 1024 * 1024) + b'"}}}'
    check.equal("body over 16 MB", call("PutItem", big)[0], 413)
    check.equal("chunked body over 16 MB", call("PutItem", big, chunked=True)[0], 413)
    status = send("GET", "/", headers={"X-Big": "y" * 40000})[0]
    check.equal("oversized headers are a 4xx", 400 <= status < 500, True)
    status = send("GET", "/" + "a" * 10000)[0]
    check.equal("oversized request line is a 4xx", 400 <= status < 500, True)

    # A chunked body is read whole.
    check.equal("chunked body", call("PutItem", put("chunked"), chunked=True)[0], 200)
    check.equal("chunked body stored", stored("chunked"), True)

    # Compressed bodies: gzip is read; a body that is not what Content-Encoding says is a 500 and changes nothing.
    check.equal("gzip body", call("PutItem", gzip.compress(put("gz").encode()), {"Content-Encoding": "gzip"})[0], 200)
    check.equal("gzip body stored", stored("gz"), True)
    two = gzip.compress(put("two").encode()[:10]) + gzip.compress(put("two").encode()[10:])
    check.equal("two gzip members", call("PutItem", two, {"Content-Encoding": "gzip"})[0], 200)
    check.equal("plain body named gzip", call("PutItem", put("plain"), {"Content-Encoding": "gzip"})[0], 500)
    check.equal("truncated gzip", call("PutItem", gzip.compress(put("cut").encode())[:-1], {"Content-Encoding": "gzip"})[0], 500)
    check.equal("empty gzip", call("PutItem", b"", {"Content-Encoding": "gzip"})[0], 500)
    check.equal("unknown coding", call("PutItem", put("garbage"), {"Content-Encoding": "garbage"})[0], 500)
    check.equal("nothing stored from bad bodies", [stored(k) for k in ["plain", "cut", "garbage"]], [False, False, False])
    bomb = gzip.compress(put("bomb")[:-1].encode() + b" " * (17 * 1024 * 1024) + b"}")
    check.equal("gzip inflating past 16 MB", call("PutItem", bomb, {"Content-Encoding": "gzip"})[0], 413)

    # Responses over 4 KB are gzipped for a client that accepts it.
    ddb.put_item(TableName="items", Item={"pk": {"S": "large"}, "v": {"S": "x" * 5000}})
    status, headers, body = call("Scan", '{"TableName":"items"}', {"Accept-Encoding": "gzip"})
    check.equal("large response gzipped", headers.get("content-encoding"), "gzip")
    check.equal("gzipped response reads", len(json.loads(gzip.decompress(body))["Items"]), 4)
    status, headers, body = call("DescribeTable", '{"TableName":"items"}', {"Accept-Encoding": "gzip"})
    check.equal("small response plain", (headers.get("content-encoding"), json.loads(body)["Table"]["TableName"]), (None, "items"))
    status, headers, body = call("Scan", '{"TableName":"items"}')
    check.equal("no Accept-Encoding, plain", headers.get("content-encoding"), None)

    check.finish()


if __name__ == "__main__":
    main()
