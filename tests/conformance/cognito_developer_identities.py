"""Cognito identity pools' developer-authenticated identities through boto3 against FakeAws.Server:
GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity and
UnlinkIdentity, with their errors.
"""
from cognito_common import last_code
from harness import Checks, admin, client

checks = Checks("cognito_developer_identities")
admin("reset", {})
identity = client("cognito-identity")
idp = client("cognito-idp")
DEVELOPER = "login.example"

pool_id = identity.create_identity_pool(IdentityPoolName="devs", AllowUnauthenticatedIdentities=False,
                                        DeveloperProviderName=DEVELOPER)["IdentityPoolId"]


def developer_identity(user, identity_id=None):
    extra = {"IdentityId": identity_id} if identity_id else {}
    return identity.get_open_id_token_for_developer_identity(IdentityPoolId=pool_id, Logins={DEVELOPER: user}, **extra)["IdentityId"]


first = developer_identity("user-42")
second = developer_identity("user-7")
looked = identity.lookup_developer_identity(IdentityPoolId=pool_id, DeveloperUserIdentifier="user-42")
checks.equal("lookup by identifier", (looked["IdentityId"], looked["DeveloperUserIdentifierList"]), (first, ["user-42"]))
checks.equal("lookup by identity", identity.lookup_developer_identity(IdentityPoolId=pool_id, IdentityId=second)["DeveloperUserIdentifierList"], ["user-7"])
checks.error("lookup of an unknown identifier", lambda: identity.lookup_developer_identity(IdentityPoolId=pool_id, DeveloperUserIdentifier="nobody"),
             "ResourceNotFoundException")
checks.error("lookup of a mismatched pair", lambda: identity.lookup_developer_identity(
    IdentityPoolId=pool_id, IdentityId=second, DeveloperUserIdentifier="user-42"), "ResourceConflictException")
checks.error("linking an identifier another identity holds", lambda: developer_identity("user-42", second), "ResourceConflictException")

merged = identity.merge_developer_identities(IdentityPoolId=pool_id, DeveloperProviderName=DEVELOPER,
                                             SourceUserIdentifier="user-42", DestinationUserIdentifier="user-7")
checks.equal("merge answers the destination", merged["IdentityId"], second)
checks.equal("merged identifiers", identity.lookup_developer_identity(IdentityPoolId=pool_id, IdentityId=second)["DeveloperUserIdentifierList"],
             ["user-7", "user-42"])
checks.error("the source identity is gone", lambda: identity.describe_identity(IdentityId=first), "ResourceNotFoundException")
checks.error("merge with another provider name", lambda: identity.merge_developer_identities(
    IdentityPoolId=pool_id, DeveloperProviderName="other.example", SourceUserIdentifier="user-42", DestinationUserIdentifier="user-7"),
    "NotAuthorizedException")

identity.unlink_developer_identity(IdentityPoolId=pool_id, IdentityId=second, DeveloperProviderName=DEVELOPER, DeveloperUserIdentifier="user-42")
checks.equal("unlinked", identity.lookup_developer_identity(IdentityPoolId=pool_id, IdentityId=second)["DeveloperUserIdentifierList"], ["user-7"])
checks.error("unlink again", lambda: identity.unlink_developer_identity(
    IdentityPoolId=pool_id, IdentityId=second, DeveloperProviderName=DEVELOPER, DeveloperUserIdentifier="user-42"), "ResourceNotFoundException")

# UnlinkIdentity: a user pool login proves the caller and is taken off.
user_pool = idp.create_user_pool(PoolName="linked", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
client_id = idp.create_user_pool_client(UserPoolId=user_pool, ClientName="app", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])[
    "UserPoolClient"]["ClientId"]
provider = f"cognito-idp.us-east-1.amazonaws.com/{user_pool}"
linked_pool = identity.create_identity_pool(IdentityPoolName="linked", AllowUnauthenticatedIdentities=False, DeveloperProviderName=DEVELOPER,
                                            CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": client_id}])["IdentityPoolId"]
idp.sign_up(ClientId=client_id, Username="ada@example.com", Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": "ada@example.com"}])
idp.confirm_sign_up(ClientId=client_id, Username="ada@example.com", ConfirmationCode=last_code(user_pool, "ada@example.com")["Code"])
id_token = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "ada@example.com", "PASSWORD": "Passw0rd!"})["AuthenticationResult"]["IdToken"]
both = identity.get_open_id_token_for_developer_identity(IdentityPoolId=linked_pool, Logins={DEVELOPER: "ada", provider: id_token})["IdentityId"]
checks.equal("two logins", sorted(identity.describe_identity(IdentityId=both)["Logins"]), sorted([DEVELOPER, provider]))
identity.unlink_identity(IdentityId=both, Logins={provider: id_token}, LoginsToRemove=[provider])
checks.equal("UnlinkIdentity", identity.describe_identity(IdentityId=both)["Logins"], [DEVELOPER])
checks.finish()
