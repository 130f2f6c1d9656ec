"""What the Cognito conformance scripts share: reading FakeAws.Server's JSON paths, the codes a pool
"sent", and RS256 checked by hand against a pool's JWKS (no third-party JOSE library is needed)."""
import base64
import hashlib
import json
import urllib.parse
import urllib.request

from harness import ENDPOINT


def get_json(path):
    with urllib.request.urlopen(f"{ENDPOINT}{path}") as response:
        return json.loads(response.read())


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_rs256(token, jwks):
    """RS256 by hand: s^e mod n must be the PKCS#1 v1.5 SHA-256 encoding. Returns (valid, header, claims)."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url(header_b64))
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    n = int.from_bytes(b64url(key["n"]), "big")
    e = int.from_bytes(b64url(key["e"]), "big")
    encoded = pow(int.from_bytes(b64url(signature_b64), "big"), e, n).to_bytes(256, "big")
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(f"{header_b64}.{payload_b64}".encode()).digest()
    expected = b"\x00\x01" + b"\xff" * (256 - 3 - len(digest_info)) + b"\x00" + digest_info
    return encoded == expected, header, json.loads(b64url(payload_b64))


def last_code(pool_id, username):
    query = urllib.parse.urlencode({"userPoolId": pool_id, "username": username})
    return get_json(f"/_fakeaws-cognito/messages?{query}")["Messages"][-1]
