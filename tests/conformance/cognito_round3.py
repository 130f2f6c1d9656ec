"""Cognito operations added in round 3, through boto3 against FakeAws.Server: identity pools' principal tag
attribute maps (SetPrincipalTagAttributeMap, GetPrincipalTagAttributeMap) and the legacy user settings
(AdminSetUserSettings, SetUserSettings), and terms documents (CreateTerms, DescribeTerms, ListTerms, UpdateTerms,
DeleteTerms), with their errors.
"""
from harness import Checks, admin, client

checks = Checks("cognito_round3")
admin("reset", {})
identity = client("cognito-identity")
idp = client("cognito-idp")
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


def user_settings():
    pool_id = idp.create_user_pool(PoolName="settings")["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])[
        "UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool_id, Username="ana", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool_id, Username="ana", Password="Passw0rd!", Permanent=True)
    sms = [{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}]
    checks.equal("no MFAOptions at first", "MFAOptions" in idp.admin_get_user(UserPoolId=pool_id, Username="ana"), False)
    idp.admin_set_user_settings(UserPoolId=pool_id, Username="ana", MFAOptions=sms)
    user = idp.admin_get_user(UserPoolId=pool_id, Username="ana")
    checks.equal("admin settings turn SMS MFA on", (user.get("MFAOptions"), user.get("UserMFASettingList")), (sms, ["SMS_MFA"]))
    idp.admin_set_user_settings(UserPoolId=pool_id, Username="ana", MFAOptions=[])
    user = idp.admin_get_user(UserPoolId=pool_id, Username="ana")
    checks.equal("an empty list turns it off", (user.get("MFAOptions"), user.get("UserMFASettingList", [])), (None, []))
    token = idp.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                    AuthParameters={"USERNAME": "ana", "PASSWORD": "Passw0rd!"})["AuthenticationResult"]["AccessToken"]
    idp.set_user_settings(AccessToken=token, MFAOptions=sms)
    checks.equal("the user's own settings show in GetUser", idp.get_user(AccessToken=token).get("MFAOptions"), sms)
    checks.error("an email option", lambda: idp.admin_set_user_settings(
        UserPoolId=pool_id, Username="ana", MFAOptions=[{"DeliveryMedium": "EMAIL", "AttributeName": "email"}]), "InvalidParameterException")
    checks.error("an unknown user", lambda: idp.admin_set_user_settings(UserPoolId=pool_id, Username="nobody", MFAOptions=sms),
                 "UserNotFoundException", "User does not exist.")


def terms():
    pool_id = idp.create_user_pool(PoolName="terms")["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app")["UserPoolClient"]["ClientId"]
    links = {"cognito:default": "https://example.com/terms", "cognito:spanish": "https://example.com/es/terms"}
    created = idp.create_terms(UserPoolId=pool_id, ClientId=client_id, TermsName="terms-of-use", TermsSource="LINK", Enforcement="NONE", Links=links)["Terms"]
    terms_id = created["TermsId"]
    checks.equal("create answers the document", (created["UserPoolId"], created["ClientId"], created["TermsName"], created["Links"]),
                 (pool_id, client_id, "terms-of-use", links))
    checks.error("one terms-of-use per client", lambda: idp.create_terms(
        UserPoolId=pool_id, ClientId=client_id, TermsName="terms-of-use", TermsSource="LINK", Enforcement="NONE", Links=links), "TermsExistsException")
    privacy = idp.create_terms(UserPoolId=pool_id, ClientId=client_id, TermsName="privacy-policy", TermsSource="LINK", Enforcement="NONE",
                               Links={"cognito:default": "https://example.com/privacy"})["Terms"]["TermsId"]
    listed = idp.list_terms(UserPoolId=pool_id)["Terms"]
    checks.equal("list describes both without links", [(t["TermsId"], t["TermsName"], "Links" in t) for t in listed],
                 [(terms_id, "terms-of-use", False), (privacy, "privacy-policy", False)])
    updated = idp.update_terms(TermsId=terms_id, UserPoolId=pool_id, Links={"cognito:french": "https://example.com/fr/terms"})["Terms"]
    checks.equal("update replaces the links and keeps the name", (updated["Links"], updated["TermsName"]),
                 ({"cognito:french": "https://example.com/fr/terms"}, "terms-of-use"))
    checks.equal("describe reads the update", idp.describe_terms(TermsId=terms_id, UserPoolId=pool_id)["Terms"]["Links"], updated["Links"])
    checks.error("renaming onto a taken name", lambda: idp.update_terms(TermsId=privacy, UserPoolId=pool_id, TermsName="terms-of-use"), "TermsExistsException")
    checks.error("a name the model refuses", lambda: idp.create_terms(
        UserPoolId=pool_id, ClientId=client_id, TermsName="TERMS_OF_USE", TermsSource="LINK", Enforcement="NONE", Links=links), "InvalidParameterException")
    checks.error("a language the model refuses", lambda: idp.update_terms(
        TermsId=terms_id, UserPoolId=pool_id, Links={"english": "https://example.com/terms"}), "InvalidParameterException")
    idp.delete_terms(TermsId=terms_id, UserPoolId=pool_id)
    checks.error("a deleted document", lambda: idp.describe_terms(TermsId=terms_id, UserPoolId=pool_id), "ResourceNotFoundException")
    checks.error("an unknown client", lambda: idp.create_terms(
        UserPoolId=pool_id, ClientId="nosuchclient", TermsName="terms-of-use", TermsSource="LINK", Enforcement="NONE", Links=links), "ResourceNotFoundException")


checks.section("principal tag attribute maps", principal_tags)
checks.section("legacy user settings", user_settings)
checks.section("terms documents", terms)
checks.finish()
