using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

/// <summary>A pool's password policy, checked as AWS checks it, and the temporary passwords it generates.</summary>
internal static class PasswordRules
{
    // The symbols AWS's policy counts: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
    private const string Symbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /// <summary>The policy of a pool created without one.</summary>
    public static PasswordPolicyType Default() => new()
    {
        MinimumLength = 8,
        RequireUppercase = true,
        RequireLowercase = true,
        RequireNumbers = true,
        RequireSymbols = true,
        TemporaryPasswordValidityDays = 7,
    };

    public static void Check(PasswordPolicyType policy, string password)
    {
        if (password.Length < (policy.MinimumLength ?? 8))
        {
            throw CognitoErrors.InvalidPassword("Password not long enough");
        }
        if (policy.RequireLowercase == true && !password.Any(char.IsLower))
        {
            throw CognitoErrors.InvalidPassword("Password must have lowercase characters");
        }
        if (policy.RequireUppercase == true && !password.Any(char.IsUpper))
        {
            throw CognitoErrors.InvalidPassword("Password must have uppercase characters");
        }
        if (policy.RequireNumbers == true && !password.Any(char.IsAsciiDigit))
        {
            throw CognitoErrors.InvalidPassword("Password must have numeric characters");
        }
        if (policy.RequireSymbols == true && !password.Any(Symbols.Contains))
        {
            throw CognitoErrors.InvalidPassword("Password must have symbol characters");
        }
    }

    /// <summary>A temporary password that satisfies <paramref name="policy"/>, from the cloud's seeded ids.</summary>
    public static string Temporary(PasswordPolicyType policy, DeterministicIds ids)
    {
        var length = Math.Max(policy.MinimumLength ?? 8, 12);
        return ids.NewString(1, "ABCDEFGHJKLMNPQRSTUVWXYZ") + ids.NewString(1, "abcdefghijkmnopqrstuvwxyz") + ids.NewString(1, "23456789")
            + ids.NewString(1, "!#%&*") + ids.NewString(length - 4, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    }
}
