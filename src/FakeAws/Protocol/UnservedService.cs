using System.Security;
using System.Text;
using System.Text.Json;

namespace FakeAws.Protocol;

/// <summary>
/// The answer to a request for a service FakeAws does not serve (S3, SQS, ...), or one it cannot place:
/// an error in the protocol the caller's SDK parses for that service (S3's XML, the query protocol's
/// XML, or JSON), naming the service plainly, so a test sees "FakeAws does not serve Amazon S3" rather
/// than a parse failure.
/// </summary>
internal static class UnservedService
{
    // Signing names of services that users reach for, by the name AWS gives them.
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["s3"] = "Amazon S3",
        ["sqs"] = "Amazon SQS",
        ["sns"] = "Amazon SNS",
        ["kinesis"] = "Amazon Kinesis",
        ["events"] = "Amazon EventBridge",
        ["secretsmanager"] = "AWS Secrets Manager",
        ["ssm"] = "AWS Systems Manager",
        ["kms"] = "AWS KMS",
        ["sts"] = "AWS STS",
        ["iam"] = "AWS IAM",
        ["logs"] = "Amazon CloudWatch Logs",
        ["monitoring"] = "Amazon CloudWatch",
    };

    /// <summary>The error for <paramref name="request"/>, which no front door of the cloud owns.</summary>
    /// <param name="request">The request.</param>
    /// <param name="signed">Its SigV4 credential scope, when it is signed.</param>
    /// <param name="served">The signing names of the services the cloud serves, listed in the message.</param>
    /// <param name="refusal">What was answered, for the record of calls.</param>
    public static WireResponse Answer(WireRequest request, SigV4Scope? signed, IEnumerable<string> served, out Refusal refusal)
    {
        var service = signed?.Service ?? FromHost(request.Host) ?? FromTarget(request.Header("X-Amz-Target"));
        var servedList = string.Join(", ", served.Distinct().Order(StringComparer.Ordinal));
        var message = service is null
            ? $"FakeAws cannot tell which service {request.Method} {request.Path} is for. It serves {servedList}."
            : $"FakeAws does not serve {(Names.TryGetValue(service, out var name) ? $"{name} ({service})" : $"the service '{service}'")}. It serves {servedList}.";
        if (service == "s3")
        {
            // S3 speaks REST-XML; its own code for "this is not implemented" is NotImplemented, 501.
            refusal = new Refusal(service, "NotImplemented", message, 501);
            return Xml(501, $"<Error><Code>NotImplemented</Code><Message>{SecurityElement.Escape(message)}</Message></Error>");
        }
        if (request.Header("X-Amz-Target") is null && IsQueryProtocol(request))
        {
            refusal = new Refusal(service, "InvalidAction", message, 400);
            return Xml(400, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>" +
                            $"<Message>{SecurityElement.Escape(message)}</Message></Error></ErrorResponse>");
        }
        refusal = new Refusal(service, "UnknownOperationException", message, 400);
        var response = new WireResponse
        {
            Status = 400,
            ContentType = "application/x-amz-json-1.0",
            Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["__type"] = "UnknownOperationException",
                ["message"] = message,
            })),
        };
        response.Headers["X-Amzn-ErrorType"] = "UnknownOperationException";
        return response;
    }

    private static string? FromHost(string host)
    {
        // s3.amazonaws.com, bucket.s3.us-east-1.amazonaws.com, sqs.eu-west-1.amazonaws.com, ...
        var labels = host.Split('.');
        return labels.FirstOrDefault(label => label is "s3" or "sqs" || label.StartsWith("s3-", StringComparison.Ordinal)) is { } found
            ? (found.StartsWith("s3", StringComparison.Ordinal) ? "s3" : found)
            : null;
    }

    private static string? FromTarget(string? target) =>
        target?.StartsWith("AmazonSQS.", StringComparison.Ordinal) == true ? "sqs" : null;

    private static bool IsQueryProtocol(WireRequest request) =>
        request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        || request.Query.Contains("Action=", StringComparison.Ordinal);

    private static WireResponse Xml(int status, string body) =>
        new() { Status = status, ContentType = "text/xml", Body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body) };
}

/// <summary>What the router answered a request no service of the cloud serves: the service it named, if any, and the error.</summary>
internal readonly record struct Refusal(string? Service, string Code, string Message, int Status);
