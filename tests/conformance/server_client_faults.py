"""FakeAws.Server and clients that misbehave on the socket (issue #22, item 8): a body over the 30 MB
limit is refused with 413 before it is read (Content-Length) or as soon as it passes the limit
(chunked), a body sent too slowly is cut with 408, a connection closed mid-body is let go; each is
one information line in the server's log, not an unhandled exception, and the server serves on.
"""
import http.client
import socket
import time
from urllib.parse import urlparse

from harness import ENDPOINT, Checks, admin, client

LIMIT = 30_000_000
target = urlparse(ENDPOINT)
checks = Checks("server client faults")


def raw(headers, body_chunks, pause=0.0):
    """Sends a request by hand and returns the status line's code, or None when the server cut the connection first."""
    sock = socket.create_connection((target.hostname, target.port), timeout=30)
    try:
        sock.sendall(("POST / HTTP/1.1\r\nHost: localhost\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode())
        for chunk in body_chunks:
            try:
                sock.sendall(chunk)
            except OSError:
                break
            time.sleep(pause)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        sock.close()


dynamodb = {"X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": "application/x-amz-json-1.0"}

# Declared too large: refused from the headers, without sending the body at all.
start = time.monotonic()
checks.equal("Content-Length over the limit: 413", raw({**dynamodb, "Content-Length": str(LIMIT + 1)}, []), 413)
checks.equal("refused without waiting for the body", time.monotonic() - start < 5, True)

# Chunked: refused once the body passes the limit.
chunk = b"x" * 1_000_000
chunked = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * 31 + [b"0\r\n\r\n"]
checks.equal("chunked body over the limit: 413", raw({**dynamodb, "Transfer-Encoding": "chunked"}, chunked), 413)

# Slower than Kestrel's minimum data rate (240 bytes/s after a 5 s grace): 408, and the connection is cut.
checks.equal("a body sent too slowly: 408", raw({**dynamodb, "Content-Length": "1000"}, [b"{"] * 12, pause=1.0), 408)

# A connection closed mid-body.
sock = socket.create_connection((target.hostname, target.port))
sock.sendall(b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{")
sock.close()

# The server serves on.
checks.equal("health after the faults", admin("health")["status"], "ok")
checks.equal("DynamoDB after the faults", "TableNames" in client("dynamodb").list_tables(), True)
checks.finish()
