namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// What a non-proxy integration answered, before the integration response maps it: the status
/// (HTTP, AWS services and MOCK), the function's error message (Lambda), headers and body.
/// </summary>
internal sealed record IntegrationAnswer(string Selector, string? ErrorMessage, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    /// <summary>A Lambda function's answer: integration responses select on its error message.</summary>
    public static IntegrationAnswer Lambda(string body, string? errorMessage) => new("200", errorMessage, [], body);

    /// <summary>An answer with an HTTP status, which integration responses select on.</summary>
    public static IntegrationAnswer Http(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string body) =>
        new(status.ToString(System.Globalization.CultureInfo.InvariantCulture), null, headers, body);

    /// <summary>The body's bytes as they came (an HTTP backend's binary body is not UTF-8), by default the body as UTF-8.</summary>
    public byte[] Raw { get; init; } = System.Text.Encoding.UTF8.GetBytes(Body);

    /// <summary>What selection patterns are matched against: the error message for a function, the status code otherwise.</summary>
    public string SelectionInput(bool isLambda) => isLambda ? ErrorMessage ?? "" : Selector;
}
