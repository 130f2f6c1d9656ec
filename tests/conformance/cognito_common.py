"""What the Cognito conformance scripts share: reading FakeAws.Server's JSON paths, the codes a pool
"sent", and RS256 checked by hand against a pool's JWKS (no third-party JOSE library is needed)."""
import base64
import hashlib
import hmac
import json
import secrets
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


class SrpClient:
    """The client half of Cognito's SRP-6a (RFC 5054 3072-bit group, as amazon-cognito-identity-js computes it)."""

    N = int("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16)
    G = 2

    def __init__(self):
        self.a = secrets.randbits(1024) % self.N
        self.A = pow(self.G, self.a, self.N)

    @staticmethod
    def pad(value):
        text = format(value, "x")
        if len(text) % 2:
            return "0" + text
        return "00" + text if text[0] in "89abcdef" else text

    @staticmethod
    def hash_hex(hex_text):
        return hashlib.sha256(bytes.fromhex(hex_text)).hexdigest()

    def signature(self, pool_id, user_id, password, srp_b, salt, secret_block, timestamp):
        """PASSWORD_CLAIM_SIGNATURE for PASSWORD_VERIFIER."""
        return self.claim_signature(pool_id.split("_")[1], user_id, password, srp_b, salt, secret_block, timestamp)

    def device_signature(self, group_key, device_key, device_password, srp_b, salt, secret_block, timestamp):
        """PASSWORD_CLAIM_SIGNATURE for DEVICE_PASSWORD_VERIFIER: the device group key stands for the pool name."""
        return self.claim_signature(group_key, device_key, device_password, srp_b, salt, secret_block, timestamp)

    @classmethod
    def x(cls, name, user_id, password, salt_hex):
        inner = hashlib.sha256(f"{name}{user_id}:{password}".encode()).hexdigest()
        return int(cls.hash_hex(cls.pad(int(salt_hex, 16)) + inner), 16)

    @classmethod
    def device_verifier(cls, group_key, device_key, device_password, salt):
        """What ConfirmDevice sends: base64 of the padded verifier g^x and of the salt."""
        salt_hex = cls.pad(int.from_bytes(salt, "big"))
        verifier = pow(cls.G, cls.x(group_key, device_key, device_password, salt_hex), cls.N)
        return base64.b64encode(bytes.fromhex(cls.pad(verifier))).decode(), base64.b64encode(bytes.fromhex(salt_hex)).decode()

    def claim_signature(self, pool_name, user_id, password, srp_b, salt, secret_block, timestamp):
        b = int(srp_b, 16)
        k = int(self.hash_hex(self.pad(self.N) + self.pad(self.G)), 16)
        u = int(self.hash_hex(self.pad(self.A) + self.pad(b)), 16)
        x = self.x(pool_name, user_id, password, salt)
        s = pow(b - k * pow(self.G, x, self.N), self.a + u * x, self.N)
        prk = hmac.new(bytes.fromhex(self.pad(u)), bytes.fromhex(self.pad(s)), hashlib.sha256).digest()
        key = hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]
        message = pool_name.encode() + user_id.encode() + base64.b64decode(secret_block) + timestamp.encode()
        return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()
