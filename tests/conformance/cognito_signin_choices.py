"""Cognito sign-in beyond the password through boto3 against FakeAws.Server: a remembered device (NewDeviceMetadata,
ConfirmDevice with the device's SRP verifier, then DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER instead of the SMS code),
the device operations, choice-based sign-in (USER_AUTH with EMAIL_OTP, the code read from FakeAws's outbox, and
SELECT_CHALLENGE), GetUserAuthFactors, and GetTokensFromRefreshToken with rotation.
"""
import secrets

from cognito_common import SrpClient, last_code, verify_rs256, get_json
from harness import Checks, admin, client

checks = Checks("cognito_signin_choices")
admin("reset", {})
idp = client("cognito-idp")
PASSWORD = "Passw0rd!"

# --- a remembered device skips SMS MFA ---------------------------------------------------------
pool_id = idp.create_user_pool(PoolName="devices", MfaConfiguration="OPTIONAL",
                               DeviceConfiguration={"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": False})["UserPool"]["Id"]
client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app", ExplicitAuthFlows=[
    "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
idp.admin_create_user(UserPoolId=pool_id, Username="sam", MessageAction="SUPPRESS", UserAttributes=[
    {"Name": "phone_number", "Value": "+15555550123"}, {"Name": "phone_number_verified", "Value": "true"}])
idp.admin_set_user_password(UserPoolId=pool_id, Username="sam", Password=PASSWORD, Permanent=True)
idp.admin_set_user_mfa_preference(UserPoolId=pool_id, Username="sam", SMSMfaSettings={"Enabled": True, "PreferredMfa": True})

sms = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "sam", "PASSWORD": PASSWORD})
checks.equal("first sign-in asks for the SMS code", sms["ChallengeName"], "SMS_MFA")
first = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SMS_MFA", Session=sms["Session"],
                                      ChallengeResponses={"USERNAME": "sam", "SMS_MFA_CODE": last_code(pool_id, "sam")["Code"]})["AuthenticationResult"]
device = first.get("NewDeviceMetadata", {})
device_key, group_key = device.get("DeviceKey", ""), device.get("DeviceGroupKey", "")
checks.equal("NewDeviceMetadata", device_key.startswith("us-east-1_") and group_key.startswith("-"), True)
jwks = get_json(f"/{pool_id}/.well-known/jwks.json")
checks.equal("access token names the device", verify_rs256(first["AccessToken"], jwks)[2].get("device_key"), device_key)
device_password = secrets.token_urlsafe(30)
verifier, salt = SrpClient.device_verifier(group_key, device_key, device_password, secrets.token_bytes(16))
confirmed = idp.confirm_device(AccessToken=first["AccessToken"], DeviceKey=device_key, DeviceName="Sam's phone",
                               DeviceSecretVerifierConfig={"PasswordVerifier": verifier, "Salt": salt})
checks.equal("ConfirmDevice UserConfirmationNecessary", confirmed["UserConfirmationNecessary"], False)
listed = idp.list_devices(AccessToken=first["AccessToken"])["Devices"]
checks.equal("ListDevices", [d["DeviceKey"] for d in listed], [device_key])
attributes = {a["Name"]: a["Value"] for a in listed[0]["DeviceAttributes"]}
checks.equal("device attributes", (attributes.get("device_name"), attributes.get("device_remembered_status")), ("Sam's phone", "remembered"))

started = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                            AuthParameters={"USERNAME": "sam", "PASSWORD": PASSWORD, "DEVICE_KEY": device_key})
checks.equal("remembered device: DEVICE_SRP_AUTH", started["ChallengeName"], "DEVICE_SRP_AUTH")
srp = SrpClient()
step = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="DEVICE_SRP_AUTH", Session=started["Session"],
                                     ChallengeResponses={"USERNAME": "sam", "DEVICE_KEY": device_key, "SRP_A": format(srp.A, "x")})
checks.equal("DEVICE_PASSWORD_VERIFIER", step["ChallengeName"], "DEVICE_PASSWORD_VERIFIER")
p = step["ChallengeParameters"]
timestamp = "Mon Jan 5 10:00:00 UTC 2026"
signature = srp.device_signature(group_key, device_key, device_password, p["SRP_B"], p["SALT"], p["SECRET_BLOCK"], timestamp)
done = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="DEVICE_PASSWORD_VERIFIER", Session=step["Session"], ChallengeResponses={
    "USERNAME": "sam", "DEVICE_KEY": device_key, "PASSWORD_CLAIM_SECRET_BLOCK": p["SECRET_BLOCK"], "PASSWORD_CLAIM_SIGNATURE": signature, "TIMESTAMP": timestamp})
checks.equal("remembered device signs in without MFA", "AccessToken" in done.get("AuthenticationResult", {}), True)
checks.equal("no new device", "NewDeviceMetadata" in done.get("AuthenticationResult", {}), False)
idp.admin_forget_device(UserPoolId=pool_id, Username="sam", DeviceKey=device_key)
checks.error("forgotten device", lambda: idp.admin_get_device(UserPoolId=pool_id, Username="sam", DeviceKey=device_key),
             "ResourceNotFoundException", "Device does not exist.")

# --- choice-based sign-in: EMAIL_OTP ------------------------------------------------------------
otp_pool = idp.create_user_pool(PoolName="passwordless", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"],
                                Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}})["UserPool"]["Id"]
otp_client = idp.create_user_pool_client(UserPoolId=otp_pool, ClientName="app", ExplicitAuthFlows=[
    "ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    RefreshTokenRotation={"Feature": "ENABLED", "RetryGracePeriodSeconds": 0})["UserPoolClient"]["ClientId"]
idp.sign_up(ClientId=otp_client, Username="ada@example.com", Password=PASSWORD)
idp.confirm_sign_up(ClientId=otp_client, Username="ada@example.com", ConfirmationCode=last_code(otp_pool, "ada@example.com")["Code"])

otp = idp.initiate_auth(ClientId=otp_client, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "ada@example.com", "PREFERRED_CHALLENGE": "EMAIL_OTP"})
checks.equal("EMAIL_OTP challenge", (otp["ChallengeName"], otp["ChallengeParameters"].get("CODE_DELIVERY_DELIVERY_MEDIUM")), ("EMAIL_OTP", "EMAIL"))
code = last_code(otp_pool, "ada@example.com")
checks.equal("the code went by email", code["DeliveryMedium"], "EMAIL")
checks.error("wrong code", lambda: idp.respond_to_auth_challenge(ClientId=otp_client, ChallengeName="EMAIL_OTP", Session=otp["Session"],
             ChallengeResponses={"USERNAME": "ada@example.com", "EMAIL_OTP_CODE": "x" + code["Code"]}), "CodeMismatchException")
signed_in = idp.respond_to_auth_challenge(ClientId=otp_client, ChallengeName="EMAIL_OTP", Session=otp["Session"],
                                          ChallengeResponses={"USERNAME": "ada@example.com", "EMAIL_OTP_CODE": code["Code"]})["AuthenticationResult"]
checks.equal("EMAIL_OTP signs in", verify_rs256(signed_in["IdToken"], get_json(f"/{otp_pool}/.well-known/jwks.json"))[2].get("email"), "ada@example.com")
factors = idp.get_user_auth_factors(AccessToken=signed_in["AccessToken"])
checks.equal("GetUserAuthFactors", factors["ConfiguredUserAuthFactors"], ["PASSWORD", "EMAIL_OTP"])
select = idp.initiate_auth(ClientId=otp_client, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "ada@example.com"})
checks.equal("SELECT_CHALLENGE", (select["ChallengeName"], select.get("AvailableChallenges")), ("SELECT_CHALLENGE", ["PASSWORD_SRP", "PASSWORD", "EMAIL_OTP"]))

rotated = idp.get_tokens_from_refresh_token(ClientId=otp_client, RefreshToken=signed_in["RefreshToken"])["AuthenticationResult"]
checks.equal("rotation issues a new refresh token", rotated.get("RefreshToken") not in (None, signed_in["RefreshToken"]), True)
checks.error("the old refresh token is spent", lambda: idp.get_tokens_from_refresh_token(ClientId=otp_client, RefreshToken=signed_in["RefreshToken"]),
             "NotAuthorizedException")

checks.finish()
