using System.Numerics;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Srp;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Devices: NewDeviceMetadata at sign-in in pools with a DeviceConfiguration, ConfirmDevice,
// UpdateDeviceStatus, GetDevice, ListDevices, ForgetDevice and their Admin forms, and the device's own
// sign-in step: DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER, SRP-6a with the verifier ConfirmDevice gave,
// the device group key in place of the pool name and the device key in place of the user name.
internal sealed partial class CognitoIdentityProviderEngine
{
    public ConfirmDeviceResponse ConfirmDevice(RequestScope scope, ConfirmDeviceRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            var device = Device(user, request.DeviceKey);
            var config = request.DeviceSecretVerifierConfig;
            if (config?.PasswordVerifier is not { } verifier || config.Salt is not { } salt)
            {
                throw CognitoErrors.InvalidParameter("DeviceSecretVerifierConfig must have a PasswordVerifier and a Salt.");
            }
            try
            {
                device.Verifier = new BigInteger(Convert.FromBase64String(verifier), isUnsigned: true, isBigEndian: true);
                device.Salt = Convert.FromBase64String(salt);
            }
            catch (FormatException)
            {
                throw CognitoErrors.InvalidParameter("DeviceSecretVerifierConfig must be base64.");
            }
            // With "remember on user prompt" the app asks the user, then calls UpdateDeviceStatus; otherwise the device is remembered now.
            var onPrompt = pool.Description.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt == true;
            device.Confirmed = true;
            device.Remembered = !onPrompt;
            device.Name = request.DeviceName;
            device.Modified = Now;
            return new ConfirmDeviceResponse { UserConfirmationNecessary = onPrompt };
        }
    }

    public UpdateDeviceStatusResponse UpdateDeviceStatus(RequestScope scope, UpdateDeviceStatusRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        SetRemembered(pool, user, request.DeviceKey, request.DeviceRememberedStatus);
        return new UpdateDeviceStatusResponse();
    }

    public AdminUpdateDeviceStatusResponse AdminUpdateDeviceStatus(RequestScope scope, AdminUpdateDeviceStatusRequest request)
    {
        var (pool, user) = AdminUser(scope, request.UserPoolId, request.Username);
        SetRemembered(pool, user, request.DeviceKey, request.DeviceRememberedStatus);
        return new AdminUpdateDeviceStatusResponse();
    }

    public GetDeviceResponse GetDevice(RequestScope scope, GetDeviceRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            return new GetDeviceResponse { Device = Describe(ListedDevice(user, request.DeviceKey)) };
        }
    }

    public AdminGetDeviceResponse AdminGetDevice(RequestScope scope, AdminGetDeviceRequest request)
    {
        var (pool, user) = AdminUser(scope, request.UserPoolId, request.Username);
        lock (pool.Gate)
        {
            return new AdminGetDeviceResponse { Device = Describe(ListedDevice(user, request.DeviceKey)) };
        }
    }

    public ListDevicesResponse ListDevices(RequestScope scope, ListDevicesRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        var (devices, next) = DevicePage(pool, user, request.Limit, request.PaginationToken);
        return new ListDevicesResponse { Devices = devices, PaginationToken = next };
    }

    public AdminListDevicesResponse AdminListDevices(RequestScope scope, AdminListDevicesRequest request)
    {
        var (pool, user) = AdminUser(scope, request.UserPoolId, request.Username);
        var (devices, next) = DevicePage(pool, user, request.Limit, request.PaginationToken);
        return new AdminListDevicesResponse { Devices = devices, PaginationToken = next };
    }

    public void ForgetDevice(RequestScope scope, ForgetDeviceRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        Forget(pool, user, request.DeviceKey);
    }

    public void AdminForgetDevice(RequestScope scope, AdminForgetDeviceRequest request)
    {
        var (pool, user) = AdminUser(scope, request.UserPoolId, request.Username);
        Forget(pool, user, request.DeviceKey);
    }

    /// <summary>A new device for a sign-in in a pool that tracks devices (the pool has a DeviceConfiguration); null otherwise.</summary>
    private NewDeviceMetadataType? NewDevice(UserPool pool, PoolUser user)
    {
        if (pool.Description.DeviceConfiguration is null)
        {
            return null;
        }
        var device = new PoolDevice
        {
            Key = $"{pool.Id.Split('_')[0]}_{_cloud.Ids.NewGuid()}",
            GroupKey = "-" + _cloud.Ids.NewString(9),
            Created = Now,
            Modified = Now,
            LastAuthenticated = Now,
        };
        lock (pool.Gate)
        {
            user.Devices[device.Key] = device;
        }
        return new NewDeviceMetadataType { DeviceKey = device.Key, DeviceGroupKey = device.GroupKey };
    }

    private static PoolDevice? ConfirmedDevice(UserPool pool, PoolUser user, string deviceKey)
    {
        lock (pool.Gate)
        {
            return user.Devices.GetValueOrDefault(deviceKey) is { Confirmed: true } device ? device : null;
        }
    }

    /// <summary>DEVICE_SRP_AUTH: the device sends SRP_A; the answer is DEVICE_PASSWORD_VERIFIER with SRP_B, the salt and a secret block.</summary>
    private AuthOutcome DeviceSrpStart(UserPool pool, AppClient client, string session, AuthSession auth, Dictionary<string, string> responses)
    {
        var deviceKey = Parameter(responses, "DEVICE_KEY");
        var a = CognitoSrp.TryFromHex(Parameter(responses, "SRP_A"));
        if (a is not { } srpA || srpA % CognitoSrp.N == 0)
        {
            throw CognitoErrors.InvalidParameter("SRP_A is invalid.");
        }
        PoolUser user;
        PoolDevice device;
        lock (pool.Gate)
        {
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            device = (deviceKey == auth.DeviceKey ? ConfirmedDevice(pool, user, deviceKey) : null) ?? throw CognitoErrors.DeviceNotFound();
            pool.Sessions.Remove(session);
        }
        var b = new BigInteger(_cloud.Ids.NewBytes(32), isUnsigned: true, isBigEndian: true);
        var bigB = CognitoSrp.ServerB(device.Verifier, b);
        var secretBlock = Convert.ToBase64String(_cloud.Ids.NewBytes(128));
        var next = new AuthSession
        {
            Username = user.Username,
            ClientId = client.Id,
            Challenge = "DEVICE_PASSWORD_VERIFIER",
            Expires = Now + client.SessionValidity,
            SrpA = srpA,
            SrpB = bigB,
            SrpSmallB = b,
            DeviceKey = deviceKey,
            SecretBlock = secretBlock,
        };
        return new AuthOutcome("DEVICE_PASSWORD_VERIFIER", NewSession(pool, client, next), new Dictionary<string, string>
        {
            ["SALT"] = Convert.ToHexStringLower(device.Salt),
            ["SECRET_BLOCK"] = secretBlock,
            ["SRP_B"] = CognitoSrp.ToHex(bigB),
            ["USERNAME"] = user.Username,
            ["DEVICE_KEY"] = deviceKey,
        }, null);
    }

    /// <summary>
    /// DEVICE_PASSWORD_VERIFIER: the claim signature over the device group key, device key, secret block and
    /// timestamp. A remembered device then skips MFA; a device that is not remembered still answers it.
    /// </summary>
    private async Task<AuthOutcome> DeviceVerifyAsync(RequestScope scope, UserPool pool, AppClient client, string session, AuthSession auth,
        Dictionary<string, string> responses, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var secretBlock = Parameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        var signature = Parameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        var timestamp = Parameter(responses, "TIMESTAMP");
        PoolUser user;
        PoolDevice device;
        lock (pool.Gate)
        {
            // The session is good for one proof, right or wrong.
            pool.Sessions.Remove(session);
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            device = ConfirmedDevice(pool, user, auth.DeviceKey!) ?? throw CognitoErrors.DeviceNotFound();
            if (secretBlock != auth.SecretBlock)
            {
                throw CognitoErrors.InvalidSession();
            }
            var key = CognitoSrp.ServerKey(auth.SrpA, auth.SrpB, auth.SrpSmallB, device.Verifier);
            var expected = CognitoSrp.Signature(key, device.GroupKey, device.Key, Convert.FromBase64String(secretBlock), timestamp);
            if (!string.Equals(expected, signature, StringComparison.Ordinal))
            {
                throw CognitoErrors.IncorrectCredentials();
            }
            device.LastAuthenticated = Now;
        }
        return device.Remembered
            ? await SucceedAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct, device.Key).ConfigureAwait(false)
            : await MfaOrTokensAsync(scope, pool, client, user, "TokenGeneration_Authentication", metadata, ct, device.Key).ConfigureAwait(false);
    }

    private (UserPool Pool, PoolUser User) AdminUser(RequestScope scope, string? poolId, string? username)
    {
        var pool = Pool(scope, poolId);
        lock (pool.Gate)
        {
            return (pool, User(pool, username));
        }
    }

    private void SetRemembered(UserPool pool, PoolUser user, string? deviceKey, string? status)
    {
        lock (pool.Gate)
        {
            var device = ListedDevice(user, deviceKey);
            device.Remembered = status == "remembered";
            device.Modified = Now;
        }
    }

    private static void Forget(UserPool pool, PoolUser user, string? deviceKey)
    {
        lock (pool.Gate)
        {
            user.Devices.Remove(ListedDevice(user, deviceKey).Key);
        }
    }

    private (List<DeviceType> Devices, string? Next) DevicePage(UserPool pool, PoolUser user, int? limit, string? token)
    {
        lock (pool.Gate)
        {
            var confirmed = user.Devices.Values.Where(d => d.Confirmed).ToList();
            var (page, next) = Paging.Page(confirmed, token, limit ?? 60, d => d.Key);
            return (page.Select(Describe).ToList(), next);
        }
    }

    private static PoolDevice Device(PoolUser user, string? deviceKey) =>
        deviceKey is not null && user.Devices.TryGetValue(deviceKey, out var device) ? device : throw CognitoErrors.DeviceNotFound();

    /// <summary>A device the Get, List, Update and Forget operations see: one that ConfirmDevice confirmed.</summary>
    private static PoolDevice ListedDevice(PoolUser user, string? deviceKey) =>
        Device(user, deviceKey) is { Confirmed: true } device ? device : throw CognitoErrors.DeviceNotFound();

    private static DeviceType Describe(PoolDevice device)
    {
        var attributes = new List<AttributeType>
        {
            new() { Name = "device_status", Value = "valid" },
            new() { Name = "device_remembered_status", Value = device.Remembered ? "remembered" : "not_remembered" },
        };
        if (device.Name is not null)
        {
            attributes.Add(new AttributeType { Name = "device_name", Value = device.Name });
        }
        return new DeviceType
        {
            DeviceKey = device.Key,
            DeviceAttributes = attributes,
            DeviceCreateDate = device.Created,
            DeviceLastModifiedDate = device.Modified,
            DeviceLastAuthenticatedDate = device.LastAuthenticated,
        };
    }
}
