using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.ApiGateway;

/// <summary>
/// How API Gateway v1 words its input validation, from AWS's recorded answers (LocalStack's
/// AWS-validated snapshots): body members under the operation's input
/// (<c>putIntegrationInput.type</c>) come first, members of the URI path by their bare name
/// (<c>statusCode</c>, <c>responseType</c>) after them; an enum inside a list is reported once for
/// the list; and some enums are listed in AWS's own order, not the service model's.
/// </summary>
internal static partial class ApiGatewayViolations
{
    /// <summary>AWS's order for the enums whose recorded order differs from botocore's.</summary>
    private static readonly string[][] AwsEnumOrders =
    [
        ["add", "remove", "move", "test", "replace", "copy"],
        ["REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "AUTHORIZER_CONFIGURATION_ERROR", "MISSING_AUTHENTICATION_TOKEN", "BAD_REQUEST_BODY",
         "INVALID_SIGNATURE", "INVALID_API_KEY", "BAD_REQUEST_PARAMETERS", "AUTHORIZER_FAILURE", "UNAUTHORIZED", "INTEGRATION_TIMEOUT",
         "ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX", "WAF_FILTERED", "QUOTA_EXCEEDED", "THROTTLED", "API_CONFIGURATION_ERROR",
         "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_FAILURE", "EXPIRED_TOKEN"],
        ["RESPONSE_BODY", "RESPONSE", "METHOD", "MODEL", "AUTHORIZER", "RESPONSE_HEADER", "RESOURCE", "PATH_PARAMETER", "REQUEST_BODY",
         "QUERY_PARAMETER", "API", "REQUEST_HEADER"],
    ];

    /// <summary>The message for <paramref name="violations"/> of <paramref name="operation"/>'s input.</summary>
    public static string Message(string operation, IReadOnlyList<Violation> violations)
    {
        var input = $"{char.ToLowerInvariant(operation[0])}{operation[1..]}Input";
        var uriMembers = UriMembers(operation);
        bool InUri(Violation v) => uriMembers.Contains(Normalize(v.Path.Split('.')[0]));
        var reported = CollapseListMembers(violations).Select(InAwsOrder).OrderBy(InUri).ToList();
        var renderer = new ViolationRenderer { PathOf = v => InUri(v) ? v.Path : $"{input}.{v.Path}" };
        return renderer.Message(reported);
    }

    /// <summary>The URI labels of an operation, normalised (<c>{response_type}</c> is <c>responsetype</c>).</summary>
    private static HashSet<string> UriMembers(string operation) =>
        ServiceModel.Operations.FirstOrDefault(o => o.Name == operation) is { } model
            ? UriLabel().Matches(model.RequestUri).Select(m => Normalize(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static Violation InAwsOrder(Violation violation) =>
        violation.Constraint is Constraint.EnumSet(var allowed)
        && AwsEnumOrders.FirstOrDefault(order => order.Length == allowed.Count && !order.Except(allowed).Any()) is { } aws
            ? violation with { Constraint = new Constraint.EnumSet(aws) }
            : violation;

    /// <summary>
    /// <c>types.1.member</c> enum violations become one for the list:
    /// <c>Value '[wrong]' at 'types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: […]]</c>.
    /// </summary>
    private static IEnumerable<Violation> CollapseListMembers(IReadOnlyList<Violation> violations)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var violation in violations)
        {
            if (ListMember().Match(violation.Path) is not { Success: true } match || violation.Constraint is not Constraint.EnumSet)
            {
                yield return violation;
                continue;
            }
            var list = match.Groups[1].Value;
            if (done.Add(list))
            {
                var values = violations.Where(v => ListMember().Match(v.Path) is { Success: true } m && m.Groups[1].Value == list).Select(v => v.Value).ToList();
                yield return new Violation(list, values, new Constraint.EachMember([violation.Constraint]));
            }
        }
    }

    [GeneratedRegex(@"\{([A-Za-z_]+)\+?\}")]
    private static partial Regex UriLabel();

    [GeneratedRegex(@"^(.*)\.\d+\.member$")]
    private static partial Regex ListMember();
}
