using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda.Policies;

/// <summary>
/// The statements AddPermission writes into a function's policy, and how Lambda evaluates them when
/// another service invokes the function.
/// </summary>
internal static class PermissionStatements
{
    /// <summary>The statement AddPermission adds, with its members in AWS's order.</summary>
    /// <param name="sid">The statement id.</param>
    /// <param name="action">The action, such as <c>lambda:InvokeFunction</c>.</param>
    /// <param name="principal">A service principal, an account id, an IAM ARN or <c>*</c>.</param>
    /// <param name="resource">The function ARN, qualified when the permission is.</param>
    /// <param name="conditions">The request's condition values, each null when absent.</param>
    public static JsonObject Build(string sid, string action, string principal, string resource, PermissionConditions conditions)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Principal"] = Principal(principal),
            ["Action"] = action,
            ["Resource"] = resource,
        };
        var stringEquals = new JsonObject();
        if (conditions.FunctionUrlAuthType is { } authType)
        {
            stringEquals["lambda:FunctionUrlAuthType"] = authType;
        }
        if (conditions.PrincipalOrgId is { } orgId)
        {
            stringEquals["aws:PrincipalOrgID"] = orgId;
        }
        if (conditions.SourceAccount is { } account)
        {
            stringEquals["AWS:SourceAccount"] = account;
        }
        if (conditions.EventSourceToken is { } token)
        {
            stringEquals["lambda:EventSourceToken"] = token;
        }
        var condition = new JsonObject();
        if (stringEquals.Count > 0)
        {
            condition["StringEquals"] = stringEquals;
        }
        if (conditions.SourceArn is { } sourceArn)
        {
            condition["ArnLike"] = new JsonObject { ["AWS:SourceArn"] = sourceArn };
        }
        if (conditions.InvokedViaFunctionUrl == true)
        {
            condition["Bool"] = new JsonObject { ["lambda:InvokedViaFunctionUrl"] = "true" };
        }
        if (condition.Count > 0)
        {
            statement["Condition"] = condition;
        }
        return statement;
    }

    /// <summary>
    /// Whether a statement of the policy lets <paramref name="caller"/> perform <paramref name="action"/>:
    /// an Allow for the action (or <c>lambda:*</c>, <c>*</c>), for the caller's service principal (or
    /// <c>*</c>), whose conditions the call meets. The calling resource's account is the account of its
    /// source ARN, or else the account the call is made in.
    /// </summary>
    public static bool Allows(ResourcePolicy policy, ServiceCaller caller, string callerAccount, string action, bool viaFunctionUrl = false) =>
        policy.Statements.Any(s => Allows(s, caller, callerAccount, action, viaFunctionUrl));

    private static bool Allows(JsonObject statement, ServiceCaller caller, string callerAccount, string action, bool viaFunctionUrl)
    {
        if ((string?)statement["Effect"] != "Allow" || (string?)statement["Action"] is not { } allowed
            || !(allowed == action || allowed == "lambda:*" || allowed == "*"))
        {
            return false;
        }
        var principal = statement["Principal"];
        var principalMatches = principal is JsonValue && (string?)principal == "*"
            || (string?)principal?["Service"] == caller.Principal;
        if (!principalMatches)
        {
            return false;
        }
        if (statement["Condition"] is not JsonObject condition)
        {
            return true;
        }
        foreach (var (op, values) in condition)
        {
            foreach (var (key, value) in values!.AsObject())
            {
                var expected = (string?)value;
                var met = (op, key) switch
                {
                    ("ArnLike", "AWS:SourceArn") => caller.SourceArn is { } arn && ArnPattern.Matches(expected!, arn),
                    ("StringEquals", "AWS:SourceAccount") => expected == (caller.SourceArn is { } arn ? AccountOf(arn) ?? callerAccount : callerAccount),
                    ("StringEquals", "lambda:FunctionUrlAuthType") => viaFunctionUrl && expected == "NONE",
                    ("Bool", "lambda:InvokedViaFunctionUrl") => viaFunctionUrl == (expected == "true"),
                    // A service principal belongs to no organization and sends no event source token.
                    _ => false,
                };
                if (!met)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Whether a layer version's policy lets <paramref name="account"/> perform <paramref name="action"/>:
    /// an Allow for the account's root or <c>*</c>, whose <c>aws:PrincipalOrgID</c>, when it names one,
    /// is the account's organization.
    /// </summary>
    public static bool AllowsAccount(ResourcePolicy? policy, string account, string? organizationId, string action) =>
        policy is not null && policy.Statements.Any(s =>
            (string?)s["Effect"] == "Allow" && (string?)s["Action"] == action
            && (s["Principal"] is JsonValue everyone ? (string?)everyone == "*" : (string?)s["Principal"]?["AWS"] == $"arn:aws:iam::{account}:root")
            && (s["Condition"]?["StringEquals"]?["aws:PrincipalOrgID"] is not { } org || (string?)org == organizationId));

    /// <summary>How AWS writes a principal: a service, an account's root, an IAM ARN, or <c>*</c>.</summary>
    private static JsonNode Principal(string principal)
    {
        if (principal == "*")
        {
            return JsonValue.Create("*");
        }
        if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
        {
            return new JsonObject { ["AWS"] = $"arn:aws:iam::{principal}:root" };
        }
        if (principal.StartsWith("arn:aws:iam:", StringComparison.Ordinal) || principal.StartsWith("arn:aws:sts:", StringComparison.Ordinal))
        {
            return new JsonObject { ["AWS"] = principal };
        }
        if (principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) || principal.EndsWith(".amazon.com", StringComparison.Ordinal))
        {
            return new JsonObject { ["Service"] = principal };
        }
        throw LambdaErrors.InvalidParameter("The provided principal was invalid. Please check the principal and try again.");
    }

    /// <summary>The account field of an ARN, when it has one.</summary>
    private static string? AccountOf(string arn) => arn.Split(':') is { Length: >= 5 } parts && parts[4].Length > 0 ? parts[4] : null;
}

/// <summary>The conditions an AddPermission request can set; null members are absent.</summary>
internal sealed record PermissionConditions(
    string? SourceArn = null,
    string? SourceAccount = null,
    string? PrincipalOrgId = null,
    string? EventSourceToken = null,
    string? FunctionUrlAuthType = null,
    bool? InvokedViaFunctionUrl = null);
