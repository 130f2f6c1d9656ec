"""Cognito operations added in round 3, through boto3 against FakeAws.Server: identity pools' principal tag
attribute maps (SetPrincipalTagAttributeMap, GetPrincipalTagAttributeMap), with their errors.
"""
from harness import Checks, admin, client

checks = Checks("cognito_round3")
admin("reset", {})
identity = client("cognito-identity")
PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example"


def principal_tags():
    pool_id = identity.create_identity_pool(IdentityPoolName="abac", AllowUnauthenticatedIdentities=False)["IdentityPoolId"]
    unset = identity.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER)
    checks.equal("a provider never set uses the defaults", (unset["IdentityPoolId"], unset["IdentityProviderName"], unset["UseDefaults"], unset.get("PrincipalTags", {})),
                 (pool_id, PROVIDER, True, {}))
    tags = {"department": "custom:dept", "team": "custom:team"}
    written = identity.set_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER, UseDefaults=False, PrincipalTags=tags)
    checks.equal("set answers the map", (written["UseDefaults"], written["PrincipalTags"]), (False, tags))
    read = identity.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER)
    checks.equal("get reads it back", (read["UseDefaults"], read["PrincipalTags"]), (False, tags))
    other = identity.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName="accounts.google.com")
    checks.equal("each provider has its own map", other["UseDefaults"], True)
    identity.set_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER, UseDefaults=True)
    kept = identity.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER)
    checks.equal("tags a set leaves out stay", (kept["UseDefaults"], kept["PrincipalTags"]), (True, tags))
    missing = "us-east-1:00000000-0000-0000-0000-000000000000"
    checks.error("a missing pool", lambda: identity.get_principal_tag_attribute_map(IdentityPoolId=missing, IdentityProviderName=PROVIDER),
                 "ResourceNotFoundException", f"IdentityPool '{missing}' not found.")
    checks.error("51 tags", lambda: identity.set_principal_tag_attribute_map(
        IdentityPoolId=pool_id, IdentityProviderName=PROVIDER, PrincipalTags={f"k{i}": f"v{i}" for i in range(51)}), "ValidationException")
    identity.delete_identity_pool(IdentityPoolId=pool_id)
    checks.error("the map goes with its pool", lambda: identity.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=PROVIDER),
                 "ResourceNotFoundException")


checks.section("principal tag attribute maps", principal_tags)
checks.finish()
