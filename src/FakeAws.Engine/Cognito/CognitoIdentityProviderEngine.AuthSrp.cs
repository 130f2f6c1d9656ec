using System.Numerics;
using FakeAws.Engine.Cognito.Srp;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// USER_SRP_AUTH: InitiateAuth answers PASSWORD_VERIFIER with SALT, SRP_B and a SECRET_BLOCK; the
// client proves it knows the password with PASSWORD_CLAIM_SIGNATURE over that block and its TIMESTAMP.
internal sealed partial class CognitoIdentityProviderEngine
{
    private async Task<AuthOutcome> SrpStartAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var username = Parameter(parameters, "USERNAME");
        var a = CognitoSrp.TryFromHex(Parameter(parameters, "SRP_A"));
        CheckSecretHash(client, username, parameters.GetValueOrDefault("SECRET_HASH"));
        var user = SigningInUser(pool, client, username);
        if (a is not { } srpA || srpA % CognitoSrp.N == 0)
        {
            throw CognitoErrors.InvalidParameter("SRP_A is invalid.");
        }
        await PreAuthenticationAsync(scope, pool, client, user, metadata, ct).ConfigureAwait(false);
        BigInteger verifier;
        string salt;
        lock (pool.Gate)
        {
            if (user.Password is null)
            {
                throw CognitoErrors.IncorrectCredentials();
            }
            salt = Convert.ToHexStringLower(user.Salt);
            verifier = CognitoSrp.Verifier(pool.PoolName, user.Username, user.Password, new BigInteger(user.Salt, isUnsigned: true, isBigEndian: true));
        }
        var b = new BigInteger(_cloud.Ids.NewBytes(32), isUnsigned: true, isBigEndian: true);
        var bigB = CognitoSrp.ServerB(verifier, b);
        var secretBlock = Convert.ToBase64String(_cloud.Ids.NewBytes(128));
        lock (pool.Gate)
        {
            pool.Sessions[secretBlock] = new AuthSession
            {
                Username = user.Username,
                ClientId = client.Id,
                Challenge = "PASSWORD_VERIFIER",
                Expires = Now + client.SessionValidity,
                SrpA = srpA,
                SrpB = bigB,
                SrpSmallB = b,
                DeviceKey = parameters.GetValueOrDefault("DEVICE_KEY"),
            };
        }
        return new AuthOutcome("PASSWORD_VERIFIER", null, new Dictionary<string, string>
        {
            ["SALT"] = salt,
            ["SECRET_BLOCK"] = secretBlock,
            ["SRP_B"] = CognitoSrp.ToHex(bigB),
            ["USERNAME"] = user.Username,
            ["USER_ID_FOR_SRP"] = user.Username,
        }, null);
    }

    private async Task<AuthOutcome> SrpVerifyAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> responses,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var username = Parameter(responses, "USERNAME");
        var secretBlock = Parameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        var signature = Parameter(responses, "PASSWORD_CLAIM_SIGNATURE");
        var timestamp = Parameter(responses, "TIMESTAMP");
        CheckSecretHash(client, username, responses.GetValueOrDefault("SECRET_HASH"));
        var auth = Session(pool, client, secretBlock, "PASSWORD_VERIFIER");
        PoolUser user;
        lock (pool.Gate)
        {
            // The block is good for one proof, right or wrong.
            pool.Sessions.Remove(secretBlock);
            user = pool.Users.GetValueOrDefault(auth.Username) ?? throw CognitoErrors.UserNotFound();
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
            var verifier = CognitoSrp.Verifier(pool.PoolName, user.Username, user.Password!, new BigInteger(user.Salt, isUnsigned: true, isBigEndian: true));
            var key = CognitoSrp.ServerKey(auth.SrpA, auth.SrpB, auth.SrpSmallB, verifier);
            byte[] block;
            try
            {
                block = Convert.FromBase64String(secretBlock);
            }
            catch (FormatException)
            {
                throw CognitoErrors.InvalidSession();
            }
            var expected = CognitoSrp.Signature(key, pool.PoolName, user.Username, block, timestamp);
            if (!string.Equals(expected, signature, StringComparison.Ordinal))
            {
                throw CognitoErrors.IncorrectCredentials();
            }
        }
        return await AfterPasswordAsync(scope, pool, client, user, metadata, ct, responses.GetValueOrDefault("DEVICE_KEY") ?? auth.DeviceKey).ConfigureAwait(false);
    }
}
