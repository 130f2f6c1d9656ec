"""Cognito passkeys through boto3 against FakeAws.Server: StartWebAuthnRegistration's options, a credential made by a
software authenticator written here with `cryptography` (P-256 key, "none" attestation, CBOR by hand),
CompleteWebAuthnRegistration, ListWebAuthnCredentials, a USER_AUTH sign-in with PREFERRED_CHALLENGE=WEB_AUTHN answered
with a signed assertion, DeleteWebAuthnCredential, and AWS's WebAuthn errors.
"""
import base64
import hashlib
import json
import os
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from cognito_common import last_code
from harness import Checks, admin, client

checks = Checks("cognito_passkeys")
admin("reset", {})
idp = client("cognito-idp")
PASSWORD = "Passw0rd!"
RP_ID = "example.com"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cbor(value):
    """The little of CBOR (RFC 8949) an attestation object and a COSE key need: ints, byte and text strings, maps."""
    def head(major, n):
        if n < 24:
            return bytes([major << 5 | n])
        if n < 256:
            return bytes([major << 5 | 24, n])
        return bytes([major << 5 | 25]) + struct.pack(">H", n)
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        return head(3, len(value.encode())) + value.encode()
    return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())


class Authenticator:
    def __init__(self, origin=None):
        self.origin = origin
        self.credentials = []  # (id, rp_id, user_handle, key, [count])

    def client_data(self, kind, challenge, rp_id):
        return json.dumps({"type": kind, "challenge": challenge, "origin": self.origin or f"https://{rp_id}"}).encode()

    @staticmethod
    def auth_data(rp_id, flags, count, attested=b""):
        return hashlib.sha256(rp_id.encode()).digest() + bytes([flags]) + struct.pack(">I", count) + attested

    def create(self, options):
        rp_id = options["rp"]["id"]
        key = ec.generate_private_key(ec.SECP256R1())
        numbers = key.public_key().public_numbers()
        cose = cbor({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        cred_id = os.urandom(16)
        self.credentials.append((cred_id, rp_id, options["user"]["id"], key, [0]))
        auth = self.auth_data(rp_id, 0x45, 0, bytes(16) + struct.pack(">H", len(cred_id)) + cred_id + cose)
        attestation = cbor({"fmt": "none", "attStmt": {}, "authData": auth})
        return {"id": b64url(cred_id), "rawId": b64url(cred_id), "type": "public-key", "authenticatorAttachment": "cross-platform",
                "response": {"clientDataJSON": b64url(self.client_data("webauthn.create", options["challenge"], rp_id)),
                             "attestationObject": b64url(attestation), "transports": ["usb"]},
                "clientExtensionResults": {}}

    def get(self, options):
        allowed = {c["id"] for c in options["allowCredentials"]}
        cred_id, rp_id, handle, key, count = next(c for c in self.credentials if b64url(c[0]) in allowed and c[1] == options["rpId"])
        count[0] += 1
        auth = self.auth_data(rp_id, 0x05, count[0])
        client_data = self.client_data("webauthn.get", options["challenge"], rp_id)
        signature = key.sign(auth + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {"id": b64url(cred_id), "rawId": b64url(cred_id), "type": "public-key",
                "response": {"clientDataJSON": b64url(client_data), "authenticatorData": b64url(auth),
                             "signature": b64url(signature), "userHandle": handle},
                "clientExtensionResults": {}}


pool_id = idp.create_user_pool(PoolName="passkeys", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"],
                               Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "WEB_AUTHN"]}})["UserPool"]["Id"]
client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=[
    "ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
idp.sign_up(ClientId=client_id, Username="ada@example.com", Password=PASSWORD, UserAttributes=[{"Name": "email", "Value": "ada@example.com"}])
idp.confirm_sign_up(ClientId=client_id, Username="ada@example.com", ConfirmationCode=last_code(pool_id, "ada@example.com")["Code"])
token = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                          AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": PASSWORD})["AuthenticationResult"]["AccessToken"]

checks.error("no relying party and no domain", lambda: idp.start_web_authn_registration(AccessToken=token),
             "WebAuthnConfigurationMissingException")
config = idp.set_user_pool_mfa_config(UserPoolId=pool_id, WebAuthnConfiguration={"RelyingPartyId": RP_ID})
checks.equal("SetUserPoolMfaConfig WebAuthnConfiguration", config.get("WebAuthnConfiguration"), {"RelyingPartyId": RP_ID, "UserVerification": "preferred"})
checks.equal("GetUserPoolMfaConfig WebAuthnConfiguration", idp.get_user_pool_mfa_config(UserPoolId=pool_id).get("WebAuthnConfiguration"),
             {"RelyingPartyId": RP_ID, "UserVerification": "preferred"})

options = idp.start_web_authn_registration(AccessToken=token)["CredentialCreationOptions"]
checks.equal("rp", options["rp"], {"id": RP_ID, "name": RP_ID})
checks.equal("pubKeyCredParams", [p["alg"] for p in options["pubKeyCredParams"]], [-7, -257])
checks.equal("authenticatorSelection", options["authenticatorSelection"], {"requireResidentKey": True, "residentKey": "required", "userVerification": "preferred"})
checks.equal("user.id is the sub", unb64url(options["user"]["id"]).decode(), options["user"]["name"])

stranger = Authenticator("https://evil.example.net")
checks.error("origin not allowed", lambda: idp.complete_web_authn_registration(AccessToken=token, Credential=stranger.create(options)),
             "WebAuthnOriginNotAllowedException")
passkey = Authenticator()
other_rp = dict(options, rp={"id": "other.example.org", "name": "x"})
checks.error("relying party mismatch", lambda: idp.complete_web_authn_registration(
    AccessToken=token, Credential=Authenticator("https://example.com").create(other_rp)), "WebAuthnRelyingPartyMismatchException")
idp.complete_web_authn_registration(AccessToken=token, Credential=passkey.create(options))
checks.error("the challenge is used once", lambda: idp.complete_web_authn_registration(AccessToken=token, Credential=passkey.create(options)),
             "WebAuthnChallengeNotFoundException")
listed = idp.list_web_authn_credentials(AccessToken=token)["Credentials"]
checks.equal("ListWebAuthnCredentials", [(c["CredentialId"], c["RelyingPartyId"], c["AuthenticatorTransports"], c["AuthenticatorAttachment"]) for c in listed],
             [(b64url(passkey.credentials[0][0]), RP_ID, ["usb"], "cross-platform")])
checks.equal("GetUserAuthFactors", idp.get_user_auth_factors(AccessToken=token)["ConfiguredUserAuthFactors"], ["PASSWORD", "WEB_AUTHN"])

started = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "ada@example.com", "PREFERRED_CHALLENGE": "WEB_AUTHN"})
checks.equal("WEB_AUTHN challenge", started["ChallengeName"], "WEB_AUTHN")
request_options = json.loads(started["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"])
checks.equal("request options", (request_options["rpId"], request_options["timeout"], [c["id"] for c in request_options["allowCredentials"]]),
             (RP_ID, 180000, [listed[0]["CredentialId"]]))
assertion = passkey.get(request_options)
done = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="WEB_AUTHN", Session=started["Session"],
                                     ChallengeResponses={"USERNAME": "ada@example.com", "CREDENTIAL": json.dumps(assertion)})
checks.equal("passkey sign-in", "AccessToken" in done.get("AuthenticationResult", {}), True)
again = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "ada@example.com", "PREFERRED_CHALLENGE": "WEB_AUTHN"})
checks.error("a replayed assertion", lambda: idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="WEB_AUTHN", Session=again["Session"],
             ChallengeResponses={"USERNAME": "ada@example.com", "CREDENTIAL": json.dumps(assertion)}), "NotAuthorizedException")

idp.delete_web_authn_credential(AccessToken=token, CredentialId=listed[0]["CredentialId"])
checks.equal("deleted", idp.list_web_authn_credentials(AccessToken=token)["Credentials"], [])
checks.error("delete again", lambda: idp.delete_web_authn_credential(AccessToken=token, CredentialId=listed[0]["CredentialId"]),
             "ResourceNotFoundException")
idp.update_user_pool(UserPoolId=pool_id, Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]}})
checks.error("passkeys not enabled", lambda: idp.start_web_authn_registration(AccessToken=token), "WebAuthnNotEnabledException")
checks.finish()
