using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// Device tracking: a sign-in in a pool with a DeviceConfiguration issues NewDeviceMetadata, ConfirmDevice
/// registers the device's SRP verifier (computed here as amazon-cognito-identity-js does), and the remembered
/// device then signs in with DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER, skipping SMS MFA.
/// </summary>
public sealed class DeviceTests : CognitoTestBase
{
    private const string DevicePassword = "device-password-from-the-client";

    [Test]
    public async Task RememberedDevice_SignsInWithDeviceSrp_AndSkipsMfa()
    {
        var (poolId, clientId) = await SmsMfaPool(rememberOnPrompt: false);
        var first = await PasswordThenSms(poolId, clientId, deviceKey: null);
        var metadata = first["NewDeviceMetadata"]!;
        var (deviceKey, groupKey) = (metadata["DeviceKey"]!.GetValue<string>(), metadata["DeviceGroupKey"]!.GetValue<string>());
        Assert.That(deviceKey, Does.StartWith("us-east-1_"));
        var accessToken = first["AccessToken"]!.GetValue<string>();
        Assert.That(Claims(accessToken)["device_key"]!.GetValue<string>(), Is.EqualTo(deviceKey));

        var (verifier, salt) = SrpClient.DeviceVerifier(groupKey, deviceKey, DevicePassword, [0x5a, 0x17, 0x33, 0x90, 0x01, 0x42, 0x7e, 0x08, 0x99, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70]);
        var confirmed = await Idp("ConfirmDevice", new
        {
            AccessToken = accessToken, DeviceKey = deviceKey, DeviceName = "Ada's phone",
            DeviceSecretVerifierConfig = new { PasswordVerifier = verifier, Salt = salt },
        });
        Assert.That(confirmed["UserConfirmationNecessary"]!.GetValue<bool>(), Is.False);
        var listed = (await Idp("ListDevices", new { AccessToken = accessToken }))["Devices"]!.AsArray();
        Assert.That(listed.Select(d => d!["DeviceKey"]!.GetValue<string>()), Is.EqualTo(new[] { deviceKey }));
        Assert.That(Attribute(listed[0]!, "device_remembered_status"), Is.EqualTo("remembered"));
        Assert.That(Attribute(listed[0]!, "device_name"), Is.EqualTo("Ada's phone"));

        // Next sign-in on the remembered device: the password, then the device's own SRP proof, and no SMS code.
        var challenge = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "sam", ["PASSWORD"] = Password, ["DEVICE_KEY"] = deviceKey },
        });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("DEVICE_SRP_AUTH"));
        var tokens = await DeviceSrp(clientId, challenge["Session"]!.GetValue<string>(), deviceKey, groupKey, DevicePassword);
        Assert.That(tokens.ContainsKey("NewDeviceMetadata"), Is.False);
        Assert.That(Claims(tokens["AccessToken"]!.GetValue<string>())["device_key"]!.GetValue<string>(), Is.EqualTo(deviceKey));
        var smsSent = Aws.Cognito.MessagesSentTo(poolId, "sam").Count;
        Assert.That(smsSent, Is.EqualTo(1), "only the first sign-in sent an SMS code");

        var wrong = await DeviceSrpError(clientId, deviceKey, groupKey);
        Assert.That((wrong.Code, wrong.Message), Is.EqualTo(("NotAuthorizedException", "Incorrect username or password.")));

        await Idp("AdminForgetDevice", new { UserPoolId = poolId, Username = "sam", DeviceKey = deviceKey });
        var gone = await IdpError("AdminGetDevice", new { UserPoolId = poolId, Username = "sam", DeviceKey = deviceKey });
        Assert.That((gone.Code, gone.Message), Is.EqualTo(("ResourceNotFoundException", "Device does not exist.")));
        var afterForget = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "sam", ["PASSWORD"] = Password, ["DEVICE_KEY"] = deviceKey },
        });
        Assert.That(afterForget["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SMS_MFA"), "a forgotten device no longer skips MFA");
    }

    [Test]
    public async Task DeviceRememberedOnUserPrompt_WaitsForUpdateDeviceStatus()
    {
        var (poolId, clientId) = await SmsMfaPool(rememberOnPrompt: true);
        var first = await PasswordThenSms(poolId, clientId, deviceKey: null);
        var deviceKey = first["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>();
        var groupKey = first["NewDeviceMetadata"]!["DeviceGroupKey"]!.GetValue<string>();
        var accessToken = first["AccessToken"]!.GetValue<string>();
        var (verifier, salt) = SrpClient.DeviceVerifier(groupKey, deviceKey, DevicePassword, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
        var confirmed = await Idp("ConfirmDevice", new { AccessToken = accessToken, DeviceKey = deviceKey, DeviceSecretVerifierConfig = new { PasswordVerifier = verifier, Salt = salt } });
        Assert.That(confirmed["UserConfirmationNecessary"]!.GetValue<bool>(), Is.True);
        var device = (await Idp("GetDevice", new { AccessToken = accessToken, DeviceKey = deviceKey }))["Device"]!;
        Assert.That(Attribute(device, "device_remembered_status"), Is.EqualTo("not_remembered"));

        // Not remembered: the device proves itself, and MFA is still asked for.
        var challenge = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "sam", ["PASSWORD"] = Password, ["DEVICE_KEY"] = deviceKey },
        });
        var afterDevice = await DeviceSrpStep(clientId, challenge["Session"]!.GetValue<string>(), deviceKey, groupKey, DevicePassword);
        Assert.That(afterDevice["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SMS_MFA"));

        await Idp("UpdateDeviceStatus", new { AccessToken = accessToken, DeviceKey = deviceKey, DeviceRememberedStatus = "remembered" });
        var admin = (await Idp("AdminListDevices", new { UserPoolId = poolId, Username = "sam" }))["Devices"]!.AsArray();
        Assert.That(Attribute(admin[0]!, "device_remembered_status"), Is.EqualTo("remembered"));
        await Idp("ForgetDevice", new { AccessToken = accessToken, DeviceKey = deviceKey });
        Assert.That((await Idp("ListDevices", new { AccessToken = accessToken }))["Devices"]!.AsArray(), Is.Empty);
    }

    private async Task<(string PoolId, string ClientId)> SmsMfaPool(bool rememberOnPrompt)
    {
        var poolId = (await Idp("CreateUserPool", new
        {
            PoolName = "devices", MfaConfiguration = "OPTIONAL",
            DeviceConfiguration = new { ChallengeRequiredOnNewDevice = true, DeviceOnlyRememberedOnUserPrompt = rememberOnPrompt },
        }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = "sam", MessageAction = "SUPPRESS", UserAttributes = new[] { new { Name = "phone_number", Value = "+15555550123" }, new { Name = "phone_number_verified", Value = "true" } } });
        await Idp("AdminSetUserPassword", new { UserPoolId = poolId, Username = "sam", Password, Permanent = true });
        await Idp("AdminSetUserMFAPreference", new { UserPoolId = poolId, Username = "sam", SMSMfaSettings = new { Enabled = true, PreferredMfa = true } });
        return (poolId, clientId);
    }

    private async Task<JsonObject> PasswordThenSms(string poolId, string clientId, string? deviceKey)
    {
        var parameters = new Dictionary<string, string> { ["USERNAME"] = "sam", ["PASSWORD"] = Password };
        if (deviceKey is not null)
        {
            parameters["DEVICE_KEY"] = deviceKey;
        }
        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = parameters });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SMS_MFA"));
        var done = await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "SMS_MFA", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sam", ["SMS_MFA_CODE"] = Aws.Cognito.LastCodeSentTo(poolId, "sam")!.Code },
        });
        return done["AuthenticationResult"]!.AsObject();
    }

    private async Task<JsonObject> DeviceSrp(string clientId, string session, string deviceKey, string groupKey, string devicePassword) =>
        (await DeviceSrpStep(clientId, session, deviceKey, groupKey, devicePassword))["AuthenticationResult"]!.AsObject();

    /// <summary>Answers DEVICE_SRP_AUTH with SRP_A, then DEVICE_PASSWORD_VERIFIER with the claim signature.</summary>
    private async Task<JsonObject> DeviceSrpStep(string clientId, string session, string deviceKey, string groupKey, string devicePassword)
    {
        var srp = new SrpClient(11);
        var verifier = await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "DEVICE_SRP_AUTH", Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sam", ["DEVICE_KEY"] = deviceKey, ["SRP_A"] = srp.SrpA },
        });
        Assert.That(verifier["ChallengeName"]!.GetValue<string>(), Is.EqualTo("DEVICE_PASSWORD_VERIFIER"));
        var p = verifier["ChallengeParameters"]!;
        var timestamp = SrpClient.Timestamp(Aws.Clock.GetUtcNow());
        var signature = srp.DeviceSignature(groupKey, deviceKey, devicePassword, p["SRP_B"]!.GetValue<string>(), p["SALT"]!.GetValue<string>(),
            p["SECRET_BLOCK"]!.GetValue<string>(), timestamp);
        return await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "DEVICE_PASSWORD_VERIFIER", Session = verifier["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = "sam", ["DEVICE_KEY"] = deviceKey, ["PASSWORD_CLAIM_SECRET_BLOCK"] = p["SECRET_BLOCK"]!.GetValue<string>(),
                ["PASSWORD_CLAIM_SIGNATURE"] = signature, ["TIMESTAMP"] = timestamp,
            },
        });
    }

    private async Task<CognitoError> DeviceSrpError(string clientId, string deviceKey, string groupKey)
    {
        var challenge = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "sam", ["PASSWORD"] = Password, ["DEVICE_KEY"] = deviceKey },
        });
        try
        {
            await DeviceSrpStep(clientId, challenge["Session"]!.GetValue<string>(), deviceKey, groupKey, "not the device's password");
        }
        catch (CognitoError e)
        {
            return e;
        }
        throw new AssertionException("a wrong device password signed in");
    }

    private static string? Attribute(JsonNode device, string name) =>
        device["DeviceAttributes"]!.AsArray().FirstOrDefault(a => a!["Name"]!.GetValue<string>() == name)?["Value"]!.GetValue<string>();
}
