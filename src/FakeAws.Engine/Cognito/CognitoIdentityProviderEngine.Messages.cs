using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Codes and messages: where a code goes (email or SMS), how AWS masks the destination, the
// CustomMessage trigger, and the outbox tests read codes from.
internal sealed partial class CognitoIdentityProviderEngine
{
    private static readonly TimeSpan SignUpCodeValidity = TimeSpan.FromHours(24);
    private static readonly TimeSpan ForgotPasswordCodeValidity = TimeSpan.FromHours(1);
    private static readonly TimeSpan MfaCodeValidity = TimeSpan.FromMinutes(3);

    /// <summary>Where a code for the user goes: email or phone, as (medium, attribute, address).</summary>
    private readonly record struct Delivery(string Medium, string Attribute, string Address)
    {
        public CodeDeliveryDetailsType Details() => new() { Destination = Mask(Address, Medium), DeliveryMedium = Medium, AttributeName = Attribute };
    }

    /// <summary>A code to send after the pool's lock is released: its message is made by the CustomMessage trigger.</summary>
    private sealed record PendingMessage(UserPool Pool, PoolUser User, Delivery To, string Code, string Purpose, string TriggerSource, string? ClientId, IReadOnlyDictionary<string, string>? ClientMetadata);

    /// <summary>The destination of sign-up confirmation codes: an auto-verified email first, then an auto-verified phone.</summary>
    private static Delivery? SignUpDelivery(UserPool pool, PoolUser user)
    {
        foreach (var attribute in new[] { "email", "phone_number" })
        {
            if (pool.AutoVerifiedAttributes.Contains(attribute) && user.Attribute(attribute) is { } address)
            {
                return new Delivery(attribute == "email" ? "EMAIL" : "SMS", attribute, address);
            }
        }
        return null;
    }

    /// <summary>The destination of password-reset codes: a verified email first, then a verified phone.</summary>
    private static Delivery RecoveryDelivery(PoolUser user)
    {
        if (user.IsVerified("email") && user.Attribute("email") is { } email)
        {
            return new Delivery("EMAIL", "email", email);
        }
        if (user.IsVerified("phone_number") && user.Attribute("phone_number") is { } phone)
        {
            return new Delivery("SMS", "phone_number", phone);
        }
        throw CognitoErrors.InvalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number");
    }

    /// <summary>Draws a six-digit code and stores it on the user; the caller holds the pool's lock.</summary>
    private string NewCode(PoolUser user, string purpose, TimeSpan validity)
    {
        var code = _cloud.Ids.NewString(6, "0123456789");
        user.Codes[purpose] = new PendingCode(code, Now + validity);
        return code;
    }

    /// <summary>Checks a code the caller sent back: a wrong one is a mismatch, a right one past its time has expired.</summary>
    private void UseCode(PoolUser user, string purpose, string? code)
    {
        if (!user.Codes.TryGetValue(purpose, out var pending) || pending.Code != code)
        {
            throw CognitoErrors.CodeMismatch();
        }
        if (Now > pending.Expires)
        {
            throw CognitoErrors.ExpiredCode();
        }
        user.Codes.Remove(purpose);
    }

    /// <summary>Runs the CustomMessage trigger for a pending message and puts it in the outbox.</summary>
    private async Task SendAsync(RequestScope scope, PendingMessage message, CancellationToken ct)
    {
        var (subject, body) = DefaultMessage(message.Pool, message.Purpose);
        var request = new JsonObject
        {
            ["userAttributes"] = EventAttributes(message.Pool, message.User),
            ["codeParameter"] = "{####}",
            ["linkParameter"] = "{##Click Here##}",
            ["usernameParameter"] = message.Purpose == "Invitation" ? "{username}" : null,
            ["clientMetadata"] = StringMap(message.ClientMetadata),
        };
        var response = new JsonObject { ["smsMessage"] = null, ["emailMessage"] = null, ["emailSubject"] = null };
        var custom = await RunTriggerAsync(scope, message.Pool, "CustomMessage", message.TriggerSource, message.User.Username, message.ClientId, request, ct, response)
            .ConfigureAwait(false);
        if (custom is not null)
        {
            body = Text(custom, message.To.Medium == "EMAIL" ? "emailMessage" : "smsMessage") ?? body;
            subject = Text(custom, "emailSubject") ?? subject;
        }
        body = body.Replace("{####}", message.Code, StringComparison.Ordinal).Replace("{username}", message.User.Username, StringComparison.Ordinal);
        Outbox.Add(new SentMessage(message.Pool.Id, message.User.Username, message.To.Address, message.To.Medium, message.Code, message.Purpose,
            message.To.Medium == "EMAIL" ? subject : null, body, Now));
    }

    private static (string Subject, string Body) DefaultMessage(UserPool pool, string purpose)
    {
        var template = pool.Description.VerificationMessageTemplate;
        return purpose switch
        {
            "Invitation" => (pool.Description.AdminCreateUserConfig?.InviteMessageTemplate?.EmailSubject ?? "Your temporary password",
                pool.Description.AdminCreateUserConfig?.InviteMessageTemplate?.EmailMessage ?? "Your username is {username} and temporary password is {####}."),
            "Authentication" => ("Your authentication code", pool.Description.SmsAuthenticationMessage ?? "Your authentication code is {####}."),
            _ => (template?.EmailSubject ?? "Your verification code", template?.EmailMessage ?? "Your verification code is {####}."),
        };
    }

    /// <summary>AWS's masked destinations: "a***@e***" for email, "+*******1234" for phone numbers.</summary>
    private static string Mask(string address, string medium)
    {
        if (medium == "EMAIL")
        {
            var at = address.IndexOf('@');
            return at <= 0 || at == address.Length - 1 ? "***" : $"{address[0]}***@{address[at + 1]}***";
        }
        return address.Length <= 4 ? address : "+" + new string('*', address.Length - 5) + address[^4..];
    }
}
