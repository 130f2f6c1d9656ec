namespace FakeAws.Engine.Core;

/// <summary>
/// Marks a model member that travels outside the JSON body in the REST protocols: in the URI, the
/// query string, a header, or the status code.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WireLocationAttribute(string location, string name) : Attribute
{
    /// <summary><c>uri</c>, <c>querystring</c>, <c>header</c>, <c>headers</c> or <c>statusCode</c>.</summary>
    public string Location { get; } = location;

    /// <summary>The name in that location, for example <c>X-Amz-Invocation-Type</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>Marks the member that is the whole HTTP body (for example Lambda's Invoke payload).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WirePayloadAttribute : Attribute;

/// <summary>
/// One operation of a service model: its name, HTTP binding and shapes, and the check of AWS's declared
/// constraints on its input (null for an operation without input).
/// </summary>
internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string RequestUri,
    int ResponseCode,
    Type? InputType,
    Type? OutputType,
    Action<object, ModelValidation>? Validate);
