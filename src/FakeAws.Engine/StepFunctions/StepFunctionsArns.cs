using FakeAws.Engine.Core;

namespace FakeAws.Engine.StepFunctions;

/// <summary>The ARNs of Step Functions resources, and taking them apart.</summary>
internal static class StepFunctionsArns
{
    private static string Prefix(RequestScope scope) => $"arn:aws:states:{scope.Region}:{scope.AccountId}";

    public static string StateMachine(RequestScope scope, string name) => $"{Prefix(scope)}:stateMachine:{name}";

    public static string Execution(RequestScope scope, string machine, string name) => $"{Prefix(scope)}:execution:{machine}:{name}";

    /// <summary>The ARN of an express execution: its start is not kept, so the name is made unique with an id.</summary>
    public static string ExpressExecution(RequestScope scope, string machine, string name, string id) =>
        $"{Prefix(scope)}:express:{machine}:{name}:{id}";

    public static string Activity(RequestScope scope, string name) => $"{Prefix(scope)}:activity:{name}";

    public static string MapRun(RequestScope scope, string machine, string label, string id) => $"{Prefix(scope)}:mapRun:{machine}/{label}:{id}";

    /// <summary>The parts of a Step Functions ARN: its resource type and the names after it.</summary>
    public static bool TryParse(string? arn, out string resourceType, out string[] names, out RequestScope scope)
    {
        resourceType = "";
        names = [];
        scope = default;
        if (arn is null)
        {
            return false;
        }
        var parts = arn.Split(':');
        if (parts.Length < 7 || parts[0] != "arn" || parts[2] != "states" || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }
        resourceType = parts[5];
        names = parts[6..];
        scope = new RequestScope(parts[4], parts[3]);
        return names.All(n => n.Length > 0);
    }

    /// <summary>
    /// Checks a resource name as Step Functions does: 1 to 80 characters, with no white space,
    /// brackets, wildcards, control characters or any of <c>" # % \ ^ | ~ ` $ &amp; , ; : /</c>.
    /// </summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 80)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c))
            {
                return false;
            }
        }
        return true;
    }
}
