"""Cognito user pool settings that FakeAws stores and validates, through boto3 against FakeAws.Server: UI customisation,
managed login branding, log delivery, risk configuration and the signing certificate, with their errors.
"""
import base64

from harness import Checks, admin, client

checks = Checks("cognito_pool_settings")
admin("reset", {})
idp = client("cognito-idp")
PNG = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])

pool_id = idp.create_user_pool(PoolName="settings")["UserPool"]["Id"]
client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app")["UserPoolClient"]["ClientId"]

# --- UI customisation ---------------------------------------------------------------------------
checks.error("UI customisation needs a domain", lambda: idp.set_ui_customization(UserPoolId=pool_id, CSS=".label-customizable {color: red;}"),
             "InvalidParameterException")
idp.create_user_pool_domain(UserPoolId=pool_id, Domain="settings-test")
ui = idp.set_ui_customization(UserPoolId=pool_id, ClientId="ALL", CSS=".label-customizable {color: red;}", ImageFile=PNG)["UICustomization"]
checks.equal("ImageUrl", ui["ImageUrl"].endswith("/assets/images/image.png") and f"/{pool_id}/ALL/" in ui["ImageUrl"], True)
checks.equal("a client falls back to ALL", idp.get_ui_customization(UserPoolId=pool_id, ClientId=client_id)["UICustomization"]["CSS"],
             ".label-customizable {color: red;}")
checks.error("a class AWS does not allow", lambda: idp.set_ui_customization(UserPoolId=pool_id, ClientId=client_id, CSS=".mine {color: red;}"),
             "InvalidParameterException")
checks.error("@import", lambda: idp.set_ui_customization(UserPoolId=pool_id, CSS="@import url(a.css);"), "InvalidParameterException")
checks.error("not an image", lambda: idp.set_ui_customization(UserPoolId=pool_id, ImageFile=b"GIF89a"), "InvalidParameterException")

# --- managed login branding ---------------------------------------------------------------------
created = idp.create_managed_login_branding(UserPoolId=pool_id, ClientId=client_id, Settings={"categories": {"global": {"colorSchemeMode": "DARK"}}},
                                            Assets=[{"Category": "PAGE_HEADER_LOGO", "ColorMode": "LIGHT", "Extension": "PNG", "Bytes": PNG}])["ManagedLoginBranding"]
branding_id = created["ManagedLoginBrandingId"]
checks.equal("Settings kept", created["Settings"], {"categories": {"global": {"colorSchemeMode": "DARK"}}})
checks.error("one per client", lambda: idp.create_managed_login_branding(UserPoolId=pool_id, ClientId=client_id, UseCognitoProvidedValues=True),
             "ManagedLoginBrandingExistsException")
checks.equal("by client", idp.describe_managed_login_branding_by_client(UserPoolId=pool_id, ClientId=client_id)["ManagedLoginBranding"]["ManagedLoginBrandingId"],
             branding_id)
checks.error("Cognito's values and settings together", lambda: idp.update_managed_login_branding(
    UserPoolId=pool_id, ManagedLoginBrandingId=branding_id, UseCognitoProvidedValues=True, Settings={"a": 1}), "InvalidParameterException")
updated = idp.update_managed_login_branding(UserPoolId=pool_id, ManagedLoginBrandingId=branding_id, UseCognitoProvidedValues=True)["ManagedLoginBranding"]
checks.equal("Cognito's values", (updated["UseCognitoProvidedValues"], updated.get("Settings"), updated["Assets"]), (True, None, []))
idp.delete_managed_login_branding(UserPoolId=pool_id, ManagedLoginBrandingId=branding_id)
checks.error("deleted", lambda: idp.describe_managed_login_branding(UserPoolId=pool_id, ManagedLoginBrandingId=branding_id), "ResourceNotFoundException")

# --- log delivery -------------------------------------------------------------------------------
group = {"LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:cognito"}
checks.equal("no log delivery", idp.get_log_delivery_configuration(UserPoolId=pool_id)["LogDeliveryConfiguration"]["LogConfigurations"], [])
idp.set_log_delivery_configuration(UserPoolId=pool_id, LogConfigurations=[{"LogLevel": "ERROR", "EventSource": "userNotification",
                                                                           "CloudWatchLogsConfiguration": group}])
checks.equal("log delivery", idp.get_log_delivery_configuration(UserPoolId=pool_id)["LogDeliveryConfiguration"]["LogConfigurations"],
             [{"LogLevel": "ERROR", "EventSource": "userNotification", "CloudWatchLogsConfiguration": group}])
checks.error("user activity logs need PLUS", lambda: idp.set_log_delivery_configuration(UserPoolId=pool_id, LogConfigurations=[
    {"LogLevel": "INFO", "EventSource": "userAuthEvents", "CloudWatchLogsConfiguration": group}]), "FeatureUnavailableInTierException")

# --- risk configuration -------------------------------------------------------------------------
checks.error("threat protection off", lambda: idp.describe_risk_configuration(UserPoolId=pool_id), "UserPoolAddOnNotEnabledException")
idp.update_user_pool(UserPoolId=pool_id, UserPoolTier="PLUS", UserPoolAddOns={"AdvancedSecurityMode": "AUDIT"})
idp.set_risk_configuration(UserPoolId=pool_id, CompromisedCredentialsRiskConfiguration={"EventFilter": ["SIGN_IN"], "Actions": {"EventAction": "BLOCK"}})
risk = idp.describe_risk_configuration(UserPoolId=pool_id, ClientId=client_id)["RiskConfiguration"]
checks.equal("a client falls back to the pool's", risk["CompromisedCredentialsRiskConfiguration"]["Actions"]["EventAction"], "BLOCK")
checks.error("a bad IP range", lambda: idp.set_risk_configuration(UserPoolId=pool_id, RiskExceptionConfiguration={"BlockedIPRangeList": ["nope"]}),
             "InvalidParameterException")

# --- signing certificate ------------------------------------------------------------------------
certificate = idp.get_signing_certificate(UserPoolId=pool_id)["Certificate"]
checks.equal("a DER certificate", base64.b64decode(certificate)[0], 0x30)
checks.equal("the same each time", idp.get_signing_certificate(UserPoolId=pool_id)["Certificate"], certificate)
checks.finish()
