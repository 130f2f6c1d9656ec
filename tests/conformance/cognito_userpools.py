"""Cognito user pools and identity pools through boto3 against FakeAws.Server (issue 7's end-to-end proof).

Sign up, read the code FakeAws "sent", confirm, sign in with USER_PASSWORD_AUTH and USER_SRP_AUTH (an SRP
client written here from the published protocol), check the ID token's RS256 signature against the pool's
JWKS, move the virtual clock past expiry, refresh, sign in again, and trade the ID token for identity-pool
credentials; plus AWS's errors for bad input.

The same script runs against moto (COGNITO_TARGET=moto FAKEAWS_ENDPOINT=http://127.0.0.1:5003): steps moto
cannot do (reading codes, moving the clock, SRP) are skipped there, so the two can be compared check by check.
"""
import datetime
import os
import urllib.error
import urllib.request

from botocore.exceptions import ClientError

from cognito_common import SrpClient, get_json, last_code, verify_rs256
from harness import ENDPOINT, Checks, client

FAKE = os.environ.get("COGNITO_TARGET", "fakeaws") == "fakeaws"
checks = Checks("cognito_userpools")
if FAKE:
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/reset", method="POST"))
idp = client("cognito-idp")
identity = client("cognito-identity")
PASSWORD = "Passw0rd!"


def virtual_now():
    return get_json("/_fakeaws/clock")["epochSeconds"] if FAKE else datetime.datetime.now(datetime.timezone.utc).timestamp()


# --- pools and clients -------------------------------------------------------------------------
pool = idp.create_user_pool(PoolName="boto3-pool", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"])["UserPool"]
pool_id = pool["Id"]
checks.equal("create_user_pool id format", pool_id.startswith("us-east-1_") and len(pool_id) == len("us-east-1_") + 9, True)
checks.equal("create_user_pool default policy", pool["Policies"]["PasswordPolicy"]["MinimumLength"], 8)
app = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=[
    "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
client_id = app["ClientId"]
checks.equal("create_user_pool_client refresh validity", app["RefreshTokenValidity"], 30)
checks.error("describe_user_pool unknown", lambda: idp.describe_user_pool(UserPoolId="us-east-1_AAAAAAAAA"),
             "ResourceNotFoundException", "User pool us-east-1_AAAAAAAAA does not exist.")
checks.error("create_user_pool_client bad validity", lambda: idp.create_user_pool_client(
    UserPoolId=pool_id, ClientName="bad", AccessTokenValidity=2, TokenValidityUnits={"AccessToken": "days"}),
    "InvalidParameterException", "Invalid range for token validity.")

# --- sign up and confirm -----------------------------------------------------------------------
signed_up = idp.sign_up(ClientId=client_id, Username="ada@example.com", Password=PASSWORD,
                        UserAttributes=[{"Name": "name", "Value": "Ada"}])
checks.equal("sign_up unconfirmed", signed_up["UserConfirmed"], False)
checks.equal("sign_up delivery", signed_up["CodeDeliveryDetails"]["DeliveryMedium"], "EMAIL")
checks.error("sign_up taken", lambda: idp.sign_up(ClientId=client_id, Username="ada@example.com", Password=PASSWORD),
             "UsernameExistsException", "An account with the given email already exists.")
checks.error("sign_up weak password", lambda: idp.sign_up(ClientId=client_id, Username="weak@example.com", Password="short"),
             "InvalidPasswordException", "Password did not conform with policy: Password not long enough")
checks.error("sign_in unconfirmed", lambda: idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
             AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": PASSWORD}), "UserNotConfirmedException", "User is not confirmed.")
if FAKE:
    sent = last_code(pool_id, "ada@example.com")
    checks.equal("code sent by email", (sent["DeliveryMedium"], sent["Destination"]), ("EMAIL", "ada@example.com"))
    checks.error("confirm wrong code", lambda: idp.confirm_sign_up(ClientId=client_id, Username="ada@example.com", ConfirmationCode="000000x"),
                 "CodeMismatchException", "Invalid verification code provided, please try again.")
    code = sent["Code"]
else:
    code = "123456"
idp.confirm_sign_up(ClientId=client_id, Username="ada@example.com", ConfirmationCode=code)

# --- sign in and validate the ID token ----------------------------------------------------------
checks.error("sign_in wrong password", lambda: idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
             AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": "Wr0ng!pass"}), "NotAuthorizedException", "Incorrect username or password.")
tokens = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                           AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": PASSWORD})["AuthenticationResult"]
jwks = get_json(f"/{pool_id}/.well-known/jwks.json")
valid, header, claims = verify_rs256(tokens["IdToken"], jwks)
checks.equal("id token RS256 signature verifies", valid, True)
checks.equal("id token header alg", header["alg"], "RS256")
checks.equal("id token iss", claims["iss"], f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}")
checks.equal("id token aud", claims["aud"], client_id)
checks.equal("id token token_use", claims["token_use"], "id")
checks.equal("id token sub", claims["sub"], signed_up["UserSub"])
checks.equal("id token email", claims["email"], "ada@example.com")
checks.equal("id token email_verified", claims.get("email_verified"), True)
access_valid, access_header, access_claims = verify_rs256(tokens["AccessToken"], jwks)
checks.equal("access token signature verifies", access_valid, True)
checks.equal("access and id keys differ", access_header["kid"] != header["kid"], True)
checks.equal("access token has no aud", "aud" in access_claims, False)
checks.equal("access token client_id", access_claims["client_id"], client_id)
checks.equal("get_user with access token", idp.get_user(AccessToken=tokens["AccessToken"])["Username"], signed_up["UserSub"])
try:
    discovery = get_json(f"/{pool_id}/.well-known/openid-configuration")
except urllib.error.HTTPError as e:
    discovery = {"jwks_uri": f"HTTP {e.code}"}
checks.equal("openid-configuration jwks_uri", discovery["jwks_uri"], f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}/.well-known/jwks.json")

if FAKE:
    checks.equal("id token not yet expired", claims["exp"] > virtual_now(), True)
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/clock/advance", data=b'{"seconds": 3601}', method="POST"))
    checks.equal("id token expired on the virtual clock", claims["exp"] <= virtual_now(), True)
    checks.error("get_user expired access token", lambda: idp.get_user(AccessToken=tokens["AccessToken"]),
                 "NotAuthorizedException", "Access Token has expired")

refreshed = idp.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                              AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
checks.equal("refresh issues a new id token", verify_rs256(refreshed["IdToken"], jwks)[0], True)
checks.equal("refresh keeps origin_jti", verify_rs256(refreshed["IdToken"], jwks)[2].get("origin_jti"), claims.get("origin_jti"))
again = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                          AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": PASSWORD})["AuthenticationResult"]
checks.equal("sign in again", verify_rs256(again["IdToken"], jwks)[0], True)

# --- SRP ------------------------------------------------------------------------------------------
if FAKE:
    srp = SrpClient()
    challenge = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_SRP_AUTH",
                                  AuthParameters={"USERNAME": "ada@example.com", "SRP_A": format(srp.A, "x")})
    checks.equal("srp challenge", challenge["ChallengeName"], "PASSWORD_VERIFIER")
    p = challenge["ChallengeParameters"]
    now = datetime.datetime.fromtimestamp(virtual_now(), datetime.timezone.utc)
    timestamp = f"{now:%a} {now:%b} {now.day} {now:%H:%M:%S} UTC {now.year}"
    result = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="PASSWORD_VERIFIER", ChallengeResponses={
        "USERNAME": p["USER_ID_FOR_SRP"], "PASSWORD_CLAIM_SECRET_BLOCK": p["SECRET_BLOCK"], "TIMESTAMP": timestamp,
        "PASSWORD_CLAIM_SIGNATURE": srp.signature(pool_id, p["USER_ID_FOR_SRP"], PASSWORD, p["SRP_B"], p["SALT"], p["SECRET_BLOCK"], timestamp)})
    checks.equal("srp sign-in issues tokens", verify_rs256(result["AuthenticationResult"]["IdToken"], jwks)[0], True)

# --- admin, groups, list users -----------------------------------------------------------------
idp.create_group(UserPoolId=pool_id, GroupName="admins", Precedence=1, RoleArn="arn:aws:iam::123456789012:role/admins")
idp.admin_add_user_to_group(UserPoolId=pool_id, Username="ada@example.com", GroupName="admins")
checks.equal("list_users_in_group", [u["Username"] for u in idp.list_users_in_group(UserPoolId=pool_id, GroupName="admins")["Users"]],
             [signed_up["UserSub"]])
checks.equal("list_users filter", len(idp.list_users(UserPoolId=pool_id, Filter='email = "ada@example.com"')["Users"]), 1)
checks.error("create_group duplicate", lambda: idp.create_group(UserPoolId=pool_id, GroupName="admins"),
             "GroupExistsException", "A group with the name admins already exists.")
checks.error("admin_get_user unknown", lambda: idp.admin_get_user(UserPoolId=pool_id, Username="nobody@example.com"),
             "UserNotFoundException", "User does not exist.")

# --- identity pool ---------------------------------------------------------------------------------
provider = f"cognito-idp.us-east-1.amazonaws.com/{pool_id}"
id_pool = identity.create_identity_pool(IdentityPoolName="boto3_identities", AllowUnauthenticatedIdentities=False,
                                        CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": client_id}])["IdentityPoolId"]
try:
    identity.set_identity_pool_roles(IdentityPoolId=id_pool, Roles={"authenticated": "arn:aws:iam::123456789012:role/signed-in"})
except ClientError as e:
    checks.equal("set_identity_pool_roles", e.response["Error"]["Code"], "no error")
fresh = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                          AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": PASSWORD})["AuthenticationResult"]
identity_id = identity.get_id(AccountId="123456789012", IdentityPoolId=id_pool, Logins={provider: fresh["IdToken"]})["IdentityId"]
credentials = identity.get_credentials_for_identity(IdentityId=identity_id, Logins={provider: fresh["IdToken"]})["Credentials"]
checks.equal("credentials access key", credentials["AccessKeyId"].startswith("ASIA"), True)
checks.equal("credentials session token", len(credentials["SessionToken"]) > 100, True)
checks.error("get_id guests not allowed", lambda: identity.get_id(IdentityPoolId=id_pool),
             "NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.")
if FAKE:
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/_fakeaws/clock/advance", data=b'{"seconds": 3601}', method="POST"))
    checks.error("get_id expired token", lambda: identity.get_id(IdentityPoolId=id_pool, Logins={provider: fresh["IdToken"]}), "NotAuthorizedException")
id_pool_arn = f"arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{id_pool}"
identity.tag_resource(ResourceArn=id_pool_arn, Tags={"team": "web", "stage": "dev"})
identity.untag_resource(ResourceArn=id_pool_arn, TagKeys=["stage"])
checks.equal("identity pool tags", identity.list_tags_for_resource(ResourceArn=id_pool_arn)["Tags"], {"team": "web"})
checks.equal("delete_identities", identity.delete_identities(IdentityIdsToDelete=[identity_id])["UnprocessedIdentityIds"], [])
checks.error("describe_identity deleted", lambda: identity.describe_identity(IdentityId=identity_id), "ResourceNotFoundException")

idp.delete_user_pool(UserPoolId=pool_id)
checks.finish()
