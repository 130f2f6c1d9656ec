using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

/// <summary>A function as a request names it: by name, partial ARN or ARN, with or without a qualifier.</summary>
internal readonly record struct FunctionRef(string Name, string? Qualifier, string? Region, string? Account);

/// <summary>Lambda's ARNs, and the forms in which requests name functions.</summary>
internal static class FunctionArns
{
    public const string Latest = "$LATEST";

    /// <summary>The version Lambda Managed Instances republishes in place (<c>PublishTo: LATEST_PUBLISHED</c>).</summary>
    public const string LatestPublished = "$LATEST.PUBLISHED";

    /// <summary>The <c>PublishTo</c> value that publishes to <see cref="LatestPublished"/>.</summary>
    public const string PublishToLatestPublished = "LATEST_PUBLISHED";

    public static string Function(RequestScope scope, string name) => $"arn:aws:lambda:{scope.Region}:{scope.AccountId}:function:{name}";

    public static string Qualified(RequestScope scope, string name, string qualifier) => $"{Function(scope, name)}:{qualifier}";

    /// <summary>
    /// Reads <c>name</c>, <c>name:qualifier</c>, <c>123456789012:function:name[:qualifier]</c> or
    /// <c>arn:aws:lambda:region:account:function:name[:qualifier]</c>. The model's pattern has already
    /// checked the form.
    /// </summary>
    public static FunctionRef Parse(string value)
    {
        var parts = value.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn")
        {
            return new FunctionRef(parts[6], parts.Length > 7 ? parts[7] : null, parts[3], parts[4]);
        }
        if (parts.Length >= 3 && parts[1] == "function")
        {
            return new FunctionRef(parts[2], parts.Length > 3 ? parts[3] : null, null, parts[0]);
        }
        return new FunctionRef(parts[0], parts.Length > 1 ? parts[1] : null, null, null);
    }

    /// <summary>
    /// The function a request names, with its qualifier taken from the name or the Qualifier
    /// parameter. An ARN of another region cannot be reached from this one, as in AWS; one of
    /// another account is refused, as AWS refuses a caller without that account's permission.
    /// </summary>
    public static FunctionRef Resolve(RequestScope scope, string nameOrArn, string? qualifier)
    {
        var reference = Parse(nameOrArn);
        if (reference.Region is { } region && region != scope.Region)
        {
            throw LambdaErrors.NotFound($"Functions from '{region}' are not reachable in this region ('{scope.Region}')");
        }
        if (reference.Account is { } account && account != scope.AccountId)
        {
            throw LambdaErrors.AccessDenied();
        }
        if (qualifier is not null && reference.Qualifier is not null && qualifier != reference.Qualifier)
        {
            throw LambdaErrors.InvalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
        }
        return reference with { Qualifier = qualifier ?? reference.Qualifier };
    }

    /// <summary>Whether a qualifier is a published version number.</summary>
    public static bool IsVersion(string qualifier) => qualifier.Length > 0 && qualifier.All(char.IsAsciiDigit);

    /// <summary>Whether a qualifier names an alias rather than a version.</summary>
    public static bool IsAlias(string qualifier) => qualifier != Latest && qualifier != LatestPublished && !IsVersion(qualifier);
}
