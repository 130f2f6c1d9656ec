namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>How a Task reaches its work.</summary>
internal enum TaskResourceKind
{
    /// <summary>A Lambda function ARN used directly as the resource.</summary>
    LambdaFunction,

    /// <summary><c>arn:aws:states:::service:action</c>, an optimized integration.</summary>
    Service,

    /// <summary><c>arn:aws:states:::aws-sdk:service:action</c>, an AWS SDK integration.</summary>
    AwsSdk,

    /// <summary><c>arn:aws:states:region:account:activity:name</c>.</summary>
    Activity,
}

/// <summary>A Task state's Resource, taken apart.</summary>
internal sealed record TaskResource(string Arn, TaskResourceKind Kind, string Service, string Action, string Pattern)
{
    /// <summary>The integration pattern: "" (request-response), "sync", "sync:2" or "waitForTaskToken".</summary>
    public bool WaitsForToken => Pattern == "waitForTaskToken";

    public bool IsSync => Pattern.StartsWith("sync", StringComparison.Ordinal);

    /// <summary>The resourceType of Task* history events: "lambda", "dynamodb", "aws-sdk:dynamodb"...</summary>
    public string EventResourceType => Kind == TaskResourceKind.AwsSdk ? $"aws-sdk:{Service}" : Service;

    /// <summary>The resource of Task* history events: the action and its pattern, "startExecution.sync".</summary>
    public string EventResource => Pattern.Length == 0 ? Action : $"{Action}.{Pattern}";

    /// <summary>Parses a Resource, or returns null when it is none of the forms Step Functions knows.</summary>
    public static TaskResource? Parse(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return null;
        }
        if (parts[2] == "lambda" && parts[5] == "function" && parts.Length is 7 or 8)
        {
            return new TaskResource(arn, TaskResourceKind.LambdaFunction, "lambda", "invoke", "");
        }
        if (parts[2] != "states")
        {
            return null;
        }
        if (parts[5] == "activity" && parts.Length == 7)
        {
            return new TaskResource(arn, TaskResourceKind.Activity, "activity", parts[6], "");
        }
        if (parts[3].Length != 0 || parts[4].Length != 0)
        {
            return null;
        }
        // arn:aws:states:::service:action[.pattern], where the pattern may itself hold a colon (sync:2).
        var rest = string.Join(':', parts.Skip(5));
        var sdk = rest.StartsWith("aws-sdk:", StringComparison.Ordinal);
        if (sdk)
        {
            rest = rest["aws-sdk:".Length..];
        }
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }
        var service = rest[..colon];
        var action = rest[(colon + 1)..];
        var pattern = "";
        var dot = action.IndexOf('.');
        if (dot >= 0)
        {
            pattern = action[(dot + 1)..];
            action = action[..dot];
        }
        if (action.Length == 0 || pattern is not ("" or "sync" or "sync:2" or "waitForTaskToken"))
        {
            return null;
        }
        return new TaskResource(arn, sdk ? TaskResourceKind.AwsSdk : TaskResourceKind.Service, service, action, pattern);
    }
}
