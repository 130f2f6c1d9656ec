"""Cognito's OAuth 2.0 side through FakeAws.Server: boto3 creates the pool, its domain, a resource server
and the app clients; `requests` then talks to the domain by its host name
(Host: {prefix}.auth.us-east-1.localhost, as for execute-api) without following redirects:
client credentials with a resource server scope, authorization code with PKCE through the hosted login,
refresh, userInfo, revoke and logout, the RFC 6749 errors, and a federated sign-in with an OIDC provider this
script runs on a local port (FakeAws.Server redeems its code and fetches its JWKS over the network; the provider
dates its tokens by the server's clock, so the script passes after scripts that moved that clock). Tokens
are checked (RS256 against the pool's JWKS) by hand, as PyJWT is not installed here.
"""
import base64
import hashlib
import http.server
import json
import secrets
import threading
import urllib.parse

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

import requests

from cognito_common import get_json, last_code, verify_rs256
from harness import ENDPOINT, Checks, admin, client

checks = Checks("cognito_oauth")
admin("reset", {})
idp = client("cognito-idp")
PASSWORD = "Passw0rd!"
CALLBACK = "https://app.example.com/callback"
API = "https://api.example.com"
PREFIX = "conformance-app"
HOST = f"{PREFIX}.auth.us-east-1.localhost"
DOMAIN_URL = f"https://{PREFIX}.auth.us-east-1.amazoncognito.com"


def domain(method, path, **kwargs):
    """A request to the pool's domain through FakeAws.Server, by its Host header; redirects are left to the caller."""
    return requests.request(method, f"{ENDPOINT}{path}", headers={"Host": HOST, **kwargs.pop("headers", {})}, allow_redirects=False, **kwargs)


def token(form, auth=None):
    return domain("POST", "/oauth2/token", data=form, auth=auth)


def token_error(form, auth=None):
    response = token(form, auth)
    return response.status_code, response.json().get("error")


def local(url):
    """The path and query of a URL on the domain, to send through the server again."""
    parsed = urllib.parse.urlsplit(url)
    return parsed.path + ("?" + parsed.query if parsed.query else "")


pool_id = idp.create_user_pool(PoolName="oauth", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
created = idp.create_user_pool_domain(UserPoolId=pool_id, Domain=PREFIX)
checks.equal("CreateUserPoolDomain ManagedLoginVersion", created.get("ManagedLoginVersion"), 1)
described = idp.describe_user_pool_domain(Domain=PREFIX)["DomainDescription"]
checks.equal("DescribeUserPoolDomain pool", (described["UserPoolId"], described["Status"]), (pool_id, "ACTIVE"))
checks.equal("DescribeUserPool Domain", idp.describe_user_pool(UserPoolId=pool_id)["UserPool"].get("Domain"), PREFIX)
checks.equal("DescribeUserPoolDomain unknown", idp.describe_user_pool_domain(Domain="nobody-has-this")["DomainDescription"], {})
checks.error("second prefix domain", lambda: idp.create_user_pool_domain(UserPoolId=pool_id, Domain="another-one"),
             "InvalidParameterException", "User pool already has a domain configured.")
checks.error("DeleteUserPool with a domain", lambda: idp.delete_user_pool(UserPoolId=pool_id),
             "InvalidParameterException", "User pool cannot be deleted. It has a domain configured that should be deleted first.")

idp.create_resource_server(UserPoolId=pool_id, Identifier=API, Name="api",
                           Scopes=[{"ScopeName": "read", "ScopeDescription": "Read"}, {"ScopeName": "write", "ScopeDescription": "Write"}])
checks.equal("ListResourceServers", [s["Identifier"] for s in idp.list_resource_servers(UserPoolId=pool_id, MaxResults=10)["ResourceServers"]], [API])
checks.error("client with an unknown scope", lambda: idp.create_user_pool_client(
    UserPoolId=pool_id, ClientName="bad", GenerateSecret=True, AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["client_credentials"],
    AllowedOAuthScopes=[f"{API}/delete"]), "ScopeDoesNotExistException", f"Invalid scope requested: {API}/delete")
checks.error("client credentials without a secret", lambda: idp.create_user_pool_client(
    UserPoolId=pool_id, ClientName="bad", AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["client_credentials"],
    AllowedOAuthScopes=[f"{API}/read"]), "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.")

machine = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="m2m", GenerateSecret=True, AllowedOAuthFlowsUserPoolClient=True,
                                      AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=[f"{API}/read", f"{API}/write"])["UserPoolClient"]
web = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="web", AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"],
                                  AllowedOAuthScopes=["openid", "email"], CallbackURLs=[CALLBACK], LogoutURLs=["https://app.example.com/bye"],
                                  SupportedIdentityProviders=["COGNITO"], ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
jwks = get_json(f"/{pool_id}/.well-known/jwks.json")
discovery = get_json(f"/{pool_id}/.well-known/openid-configuration")
checks.equal("discovery token_endpoint", discovery.get("token_endpoint"), f"{DOMAIN_URL}/oauth2/token")

# Client credentials: Basic authentication, a resource server's scope, an access token only.
basic = (machine["ClientId"], machine["ClientSecret"])
granted = token({"grant_type": "client_credentials", "scope": f"{API}/read"}, auth=basic)
checks.equal("client_credentials status", granted.status_code, 200)
body = granted.json()
checks.equal("client_credentials members", sorted(body), ["access_token", "expires_in", "token_type"])
valid, _, claims = verify_rs256(body["access_token"], jwks)
checks.equal("client_credentials token verifies", valid, True)
checks.equal("client_credentials claims", (claims["sub"], claims["client_id"], claims["scope"], claims["token_use"], claims["version"]),
             (machine["ClientId"], machine["ClientId"], f"{API}/read", "access", 2))
posted = token({"grant_type": "client_credentials", "client_id": machine["ClientId"], "client_secret": machine["ClientSecret"]}).json()
checks.equal("client_secret_post, every allowed scope", verify_rs256(posted["access_token"], jwks)[2]["scope"], f"{API}/read {API}/write")
checks.equal("wrong secret", token_error({"grant_type": "client_credentials"}, auth=(machine["ClientId"], "wrong")), (400, "invalid_client"))
checks.equal("unknown grant type", token_error({"grant_type": "password"}, auth=basic), (400, "unsupported_grant_type"))
checks.equal("scope the client lacks", token_error({"grant_type": "client_credentials", "scope": f"{API}/admin"}, auth=basic), (400, "invalid_scope"))
checks.equal("no grant type", token_error({"client_id": machine["ClientId"]}, auth=basic), (400, "invalid_request"))

# Authorization code with PKCE through the hosted login.
idp.sign_up(ClientId=web["ClientId"], Username="ada@example.com", Password=PASSWORD)
idp.confirm_sign_up(ClientId=web["ClientId"], Username="ada@example.com", ConfirmationCode=last_code(pool_id, "ada@example.com")["Code"])
verifier = secrets.token_urlsafe(48)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
query = urllib.parse.urlencode({"response_type": "code", "client_id": web["ClientId"], "redirect_uri": CALLBACK, "state": "st-1",
                                "scope": "openid email", "nonce": "nonce-1", "code_challenge": challenge, "code_challenge_method": "S256"})
to_login = domain("GET", f"/oauth2/authorize?{query}")
checks.equal("authorize redirects to the login page", (to_login.status_code, to_login.headers["Location"].split("?")[0]), (302, f"{DOMAIN_URL}/login"))
login = local(to_login.headers["Location"])
page = domain("GET", login)
checks.equal("login page has the form", ('name="username"' in page.text, 'name="password"' in page.text), (True, True))
wrong = domain("POST", login, data={"username": "ada@example.com", "password": "wrong"})
checks.equal("wrong password shows the error", "Incorrect username or password." in wrong.text, True)
signed_in = domain("POST", login, data={"username": "ada@example.com", "password": PASSWORD})
redirect = urllib.parse.urlsplit(signed_in.headers.get("Location", ""))
params = dict(urllib.parse.parse_qsl(redirect.query))
checks.equal("login redirects to the callback with state", (signed_in.status_code, f"{redirect.scheme}://{redirect.netloc}{redirect.path}", params.get("state")),
             (302, CALLBACK, "st-1"))
exchange = {"grant_type": "authorization_code", "client_id": web["ClientId"], "code": params.get("code"), "redirect_uri": CALLBACK, "code_verifier": verifier}
tokens = token(exchange).json()
checks.equal("code exchange members", sorted(tokens), ["access_token", "expires_in", "id_token", "refresh_token", "token_type"])
id_valid, _, id_claims = verify_rs256(tokens["id_token"], jwks)
checks.equal("id token verifies", id_valid, True)
checks.equal("id token nonce, audience, email", (id_claims.get("nonce"), id_claims.get("aud"), id_claims.get("email")), ("nonce-1", web["ClientId"], "ada@example.com"))
at_hash = base64.urlsafe_b64encode(hashlib.sha256(tokens["access_token"].encode()).digest()[:16]).rstrip(b"=").decode()
checks.equal("id token at_hash", id_claims.get("at_hash"), at_hash)
checks.equal("access token scope", verify_rs256(tokens["access_token"], jwks)[2]["scope"], "openid email")
checks.equal("a code is good once", token_error(exchange), (400, "invalid_grant"))

# Refresh, userInfo, revoke, logout.
refreshed = token({"grant_type": "refresh_token", "client_id": web["ClientId"], "refresh_token": tokens["refresh_token"]}).json()
checks.equal("refresh members", sorted(refreshed), ["access_token", "expires_in", "id_token", "token_type"])
checks.equal("refresh keeps origin_jti", verify_rs256(refreshed["id_token"], jwks)[2]["origin_jti"], id_claims["origin_jti"])
info = domain("GET", "/oauth2/userInfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}).json()
checks.equal("userInfo", (info.get("sub"), info.get("email"), info.get("email_verified")), (id_claims["sub"], "ada@example.com", "true"))
checks.error("GetUser needs aws.cognito.signin.user.admin", lambda: idp.get_user(AccessToken=tokens["access_token"]),
             "NotAuthorizedException", "Access Token does not have required scopes")
revoked = domain("POST", "/oauth2/revoke", data={"token": tokens["refresh_token"], "client_id": web["ClientId"]})
checks.equal("revoke", revoked.status_code, 200)
checks.equal("revoked refresh token", token_error({"grant_type": "refresh_token", "client_id": web["ClientId"], "refresh_token": tokens["refresh_token"]}),
             (400, "invalid_grant"))
checks.equal("userInfo after revoke", domain("GET", "/oauth2/userInfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}).status_code, 401)
logout = domain("GET", f"/logout?client_id={web['ClientId']}&logout_uri={urllib.parse.quote('https://app.example.com/bye', safe='')}")
checks.equal("logout", (logout.status_code, logout.headers.get("Location")), (302, "https://app.example.com/bye"))
mismatch = domain("GET", f"/oauth2/authorize?response_type=code&client_id={web['ClientId']}&redirect_uri=https://evil.example.com/")
checks.equal("redirect_mismatch", mismatch.headers.get("Location"), f"{DOMAIN_URL}/error?error=redirect_mismatch&client_id={web['ClientId']}")



# --- a federated OIDC sign-in --------------------------------------------------------------------
class OidcProvider(http.server.BaseHTTPRequestHandler):
    """An upstream OIDC provider: discovery, JWKS, an authorize endpoint that signs its user in at once, a token endpoint."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nonces = {}
    issuer = ""

    def log_message(self, *args):
        pass

    def reply(self, status, body=None, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        data = json.dumps(body).encode() if body is not None else b""
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    @staticmethod
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/.well-known/openid-configuration":
            self.reply(200, {"issuer": self.issuer, "authorization_endpoint": self.issuer + "/authorize", "token_endpoint": self.issuer + "/token",
                             "jwks_uri": self.issuer + "/jwks"})
        elif url.path == "/jwks":
            numbers = self.key.public_key().public_numbers()
            self.reply(200, {"keys": [{"kty": "RSA", "kid": "k1", "alg": "RS256", "n": self.b64(numbers.n.to_bytes(256, "big")),
                                       "e": self.b64(numbers.e.to_bytes(3, "big"))}]})
        elif url.path == "/authorize":
            query = dict(urllib.parse.parse_qsl(url.query))
            code = secrets.token_hex(8)
            OidcProvider.nonces[code] = query["nonce"]
            self.reply(302, location=f"{query['redirect_uri']}?code={code}&state={urllib.parse.quote(query['state'])}")
        else:
            self.reply(404, {})

    def do_POST(self):
        form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        nonce = OidcProvider.nonces.pop(form.get("code"), None)
        if nonce is None or form.get("client_secret") != "upstream-secret":
            self.reply(400, {"error": "invalid_grant"})
            return
        # The server's clock, not the wall's: scripts before this one may have moved FakeAws's clock (it stands still
        # or runs ahead of the wall), and FakeAws checks this token's iat and exp against its own time.
        now = int(admin("clock")["epochSeconds"])
        header = self.b64(json.dumps({"alg": "RS256", "kid": "k1", "typ": "JWT"}).encode())
        claims = self.b64(json.dumps({"iss": self.issuer, "aud": "upstream-client", "sub": "upstream-7", "email": "fed@example.com",
                                      "nonce": nonce, "iat": now, "exp": now + 3600}).encode())
        signature = self.key.sign(f"{header}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
        self.reply(200, {"id_token": f"{header}.{claims}.{self.b64(signature)}", "access_token": "upstream", "token_type": "Bearer"})


upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OidcProvider)
OidcProvider.issuer = f"http://127.0.0.1:{upstream.server_address[1]}"
threading.Thread(target=upstream.serve_forever, daemon=True).start()
idp.create_identity_provider(UserPoolId=pool_id, ProviderName="Corp", ProviderType="OIDC", ProviderDetails={
    "client_id": "upstream-client", "client_secret": "upstream-secret", "authorize_scopes": "openid email",
    "oidc_issuer": OidcProvider.issuer, "attributes_request_method": "GET"}, AttributeMapping={"email": "email", "username": "sub"})
checks.equal("ListIdentityProviders", [p["ProviderName"] for p in idp.list_identity_providers(UserPoolId=pool_id, MaxResults=10)["Providers"]], ["Corp"])
federated = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="fed", AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"],
                                        AllowedOAuthScopes=["openid", "email"], CallbackURLs=[CALLBACK], SupportedIdentityProviders=["Corp"])["UserPoolClient"]
to_upstream = domain("GET", "/oauth2/authorize?" + urllib.parse.urlencode({"identity_provider": "Corp", "response_type": "code", "client_id": federated["ClientId"],
                                                                        "redirect_uri": CALLBACK, "state": "fed-state", "scope": "openid email"}))
checks.equal("authorize sends the browser to the provider", to_upstream.headers.get("Location", "").split("?")[0], OidcProvider.issuer + "/authorize")
from_upstream = requests.get(to_upstream.headers["Location"], allow_redirects=False)
idp_response = from_upstream.headers["Location"]
checks.equal("the provider answers at idpresponse", idp_response.split("?")[0], f"{DOMAIN_URL}/oauth2/idpresponse")
to_app = domain("GET", local(idp_response))
app_params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(to_app.headers.get("Location", "")).query))
checks.equal("idpresponse redirects to the app with state", app_params.get("state"), "fed-state")
fed_tokens = token({"grant_type": "authorization_code", "client_id": federated["ClientId"], "code": app_params.get("code"), "redirect_uri": CALLBACK}).json()
fed_claims = verify_rs256(fed_tokens["id_token"], jwks)[2]
checks.equal("federated user", (fed_claims.get("cognito:username"), fed_claims.get("email")), ("Corp_upstream-7", "fed@example.com"))
checks.equal("identities claim", [(i["providerName"], i["userId"]) for i in fed_claims.get("identities", [])], [("Corp", "upstream-7")])
checks.equal("EXTERNAL_PROVIDER", idp.admin_get_user(UserPoolId=pool_id, Username="Corp_upstream-7")["UserStatus"], "EXTERNAL_PROVIDER")
upstream.shutdown()

checks.finish()
