"""Cognito operations added in round 4, through boto3 against FakeAws.Server: client secret rotation
(AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret, with SECRET_HASH and the
token endpoint accepting either active secret) and threat protection's auth events (AdminListUserAuthEvents,
AdminUpdateAuthEventFeedback, UpdateAuthEventFeedback, the feedback token read from
GET /_fakeaws-cognito/feedback-token), with their errors.

Also runs against moto_server for comparison (reset through /moto-api; the feedback token and the clock are FakeAws's own):
    FAKEAWS_ENDPOINT=http://127.0.0.1:4607 COGNITO_TARGET=moto python3 tests/conformance/cognito_round4.py
"""
import base64
import hashlib
import hmac
import os
import urllib.parse
import urllib.request

from harness import ENDPOINT, Checks, client
from cognito_common import get_json

MOTO = os.environ.get("COGNITO_TARGET") == "moto"
checks = Checks("cognito_round4" + (" against moto" if MOTO else ""))
urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST", data=b"{}"))
idp = client("cognito-idp")
PASSWORD = "Passw0rd!"


def secret_hash(secret, username, client_id):
    return base64.b64encode(hmac.new(secret.encode(), (username + client_id).encode(), hashlib.sha256).digest()).decode()


def password_auth(client_id, username, secret, password=PASSWORD, **extra):
    return idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": username, "PASSWORD": password, "SECRET_HASH": secret_hash(secret, username, client_id)}, **extra)


def client_secrets():
    pool_id = idp.create_user_pool(PoolName="rotation")["UserPool"]["Id"]
    created = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="confidential", GenerateSecret=True,
                                          ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    client_id, original = created["ClientId"], created["ClientSecret"]
    listed = idp.list_user_pool_client_secrets(UserPoolId=pool_id, ClientId=client_id)["ClientSecrets"]
    checks.equal("the CreateUserPoolClient secret is listed", len(listed), 1)
    original_id = listed[0]["ClientSecretId"]
    checks.equal("its id is the client id, --, and a time", original_id.startswith(client_id + "--") and original_id[len(client_id) + 2:].isdigit(), True)
    checks.equal("List never shows a value", "ClientSecretValue" in listed[0], False)

    added = idp.add_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id)["ClientSecretDescriptor"]
    generated = added.get("ClientSecretValue")
    checks.equal("a generated secret's value is returned once", generated is not None and len(generated) >= 24, True)
    checks.equal("two secrets are listed", [s["ClientSecretId"] for s in idp.list_user_pool_client_secrets(UserPoolId=pool_id, ClientId=client_id)["ClientSecrets"]],
                 [original_id, added["ClientSecretId"]])
    checks.error("a third secret", lambda: idp.add_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id), "LimitExceededException")

    idp.admin_create_user(UserPoolId=pool_id, Username="ana", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool_id, Username="ana", Password=PASSWORD, Permanent=True)
    for name, secret in (("the original", original), ("the added", generated)):
        result = password_auth(client_id, "ana", secret).get("AuthenticationResult", {})
        checks.equal(f"SECRET_HASH with {name} secret signs in", "AccessToken" in result, True)
    checks.error("a SECRET_HASH of neither", lambda: password_auth(client_id, "ana", "x" * 30), "NotAuthorizedException",
                 f"Unable to verify secret hash for client {client_id}")

    idp.delete_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id, ClientSecretId=original_id)
    checks.error("the deleted secret no longer signs in", lambda: password_auth(client_id, "ana", original), "NotAuthorizedException")
    described = idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"]
    checks.equal("DescribeUserPoolClient shows the secret left", described.get("ClientSecret"), generated)
    checks.error("the last secret", lambda: idp.delete_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id, ClientSecretId=added["ClientSecretId"]),
                 "InvalidParameterException")
    checks.error("an unknown secret id", lambda: idp.delete_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id, ClientSecretId=original_id),
                 "ResourceNotFoundException")

    own = "my_own_secret_of_thirty_char"
    given = idp.add_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id, ClientSecret=own)["ClientSecretDescriptor"]
    checks.equal("a supplied secret's value is not echoed", "ClientSecretValue" in given, False)
    checks.equal("and it signs in", "AuthenticationResult" in password_auth(client_id, "ana", own), True)
    checks.error("a supplied secret of 23 characters", lambda: idp.add_user_pool_client_secret(UserPoolId=pool_id, ClientId=client_id, ClientSecret="a" * 23),
                 "InvalidParameterException")

    public = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="public")["UserPoolClient"]["ClientId"]
    checks.equal("a public client lists no secrets", idp.list_user_pool_client_secrets(UserPoolId=pool_id, ClientId=public)["ClientSecrets"], [])
    checks.error("a public client takes no secret", lambda: idp.add_user_pool_client_secret(UserPoolId=pool_id, ClientId=public), "InvalidParameterException")
    checks.error("an unknown client", lambda: idp.list_user_pool_client_secrets(UserPoolId=pool_id, ClientId="nosuchclient"), "ResourceNotFoundException")


def auth_events():
    plain = idp.create_user_pool(PoolName="no-protection")["UserPool"]["Id"]
    idp.admin_create_user(UserPoolId=plain, Username="bo", MessageAction="SUPPRESS")
    checks.error("without threat protection", lambda: idp.admin_list_user_auth_events(UserPoolId=plain, Username="bo"), "UserPoolAddOnNotEnabledException")

    pool_id = idp.create_user_pool(PoolName="protected", UserPoolTier="PLUS", UserPoolAddOns={"AdvancedSecurityMode": "AUDIT"})["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])[
        "UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool_id, Username="ana", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool_id, Username="ana", Password=PASSWORD, Permanent=True)
    checks.error("a wrong password", lambda: idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                                                AuthParameters={"USERNAME": "ana", "PASSWORD": "Wr0ng-passw0rd"}), "NotAuthorizedException")
    idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "ana", "PASSWORD": PASSWORD},
                      UserContextData={"IpAddress": "192.0.2.1"})
    events = idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="ana")["AuthEvents"]
    checks.equal("sign-ins, newest first", [(e["EventType"], e["EventResponse"]) for e in events], [("SignIn", "Pass"), ("SignIn", "Fail")])
    checks.equal("no risk found", events[0].get("EventRisk"), {"RiskDecision": "NoRisk", "CompromisedCredentialsDetected": False})
    checks.equal("the password challenge", [events[0].get("ChallengeResponses"), events[1].get("ChallengeResponses")],
                 [[{"ChallengeName": "Password", "ChallengeResponse": "Success"}], [{"ChallengeName": "Password", "ChallengeResponse": "Failure"}]])
    checks.equal("the app's IP address", events[0].get("EventContextData", {}).get("IpAddress"), "192.0.2.1")
    page = idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="ana", MaxResults=1)
    checks.equal("a page of one", [e["EventId"] for e in page["AuthEvents"]], [events[0]["EventId"]])
    rest = idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="ana", MaxResults=1, NextToken=page["NextToken"])
    checks.equal("the next page", [e["EventId"] for e in rest["AuthEvents"]], [events[1]["EventId"]])

    event_id = events[0]["EventId"]
    idp.admin_update_auth_event_feedback(UserPoolId=pool_id, Username="ana", EventId=event_id, FeedbackValue="Invalid")
    feedback = idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="ana")["AuthEvents"][0].get("EventFeedback", {})
    checks.equal("admin feedback", (feedback.get("FeedbackValue"), feedback.get("Provider")), ("Invalid", "Admin"))
    checks.error("feedback on an unknown event", lambda: idp.admin_update_auth_event_feedback(
        UserPoolId=pool_id, Username="ana", EventId="no-such-event", FeedbackValue="Valid"), "ResourceNotFoundException")
    checks.error("an unknown user", lambda: idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="nobody"), "UserNotFoundException")
    if not MOTO:
        query = urllib.parse.urlencode({"userPoolId": pool_id, "username": "ana", "eventId": event_id})
        token = get_json(f"/_fakeaws-cognito/feedback-token?{query}")["FeedbackToken"]
        checks.error("a forged feedback token", lambda: idp.update_auth_event_feedback(
            UserPoolId=pool_id, Username="ana", EventId=event_id, FeedbackToken="forged", FeedbackValue="Valid"), "NotAuthorizedException")
        idp.update_auth_event_feedback(UserPoolId=pool_id, Username="ana", EventId=event_id, FeedbackToken=token, FeedbackValue="Valid")
        feedback = idp.admin_list_user_auth_events(UserPoolId=pool_id, Username="ana")["AuthEvents"][0]["EventFeedback"]
        checks.equal("the user's feedback with the emailed token", feedback["FeedbackValue"], "Valid")


checks.section("client secret rotation", client_secrets)
checks.section("auth events", auth_events)
checks.finish()
