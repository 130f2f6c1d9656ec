using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Velocity;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// Renders a REST API's mapping templates with the variables API Gateway gives them:
/// <c>$input</c>, <c>$context</c> (the proxy event's request context, plus
/// <c>requestOverride</c>, <c>responseOverride</c> and, for gateway responses, <c>error</c>),
/// <c>$stageVariables</c> and <c>$util</c>. The same <c>$context</c> serves the request and the
/// response template of one request, so a <c>#set</c> in one is seen by the other.
/// </summary>
internal sealed class MappingTemplate
{
    private readonly OrderedDictionary<string, object?> _context;
    private readonly OrderedDictionary<string, object?> _stageVariables;
    private readonly MethodRequestParameters _parameters;

    public MappingTemplate(InvocationContext context)
    {
        var requestContext = ProxyEvents.Write(writer =>
        {
            writer.WritePropertyName("context");
            ProxyEvents.RestRequestContext(writer, context);
        });
        _context = (OrderedDictionary<string, object?>)VtlJson.ToValue(JsonNode.Parse(requestContext)!["context"])!;
        _context["apiId"] = context.ApiId;
        _context["domainName"] = context.DomainName;
        if (context.IsCanaryRequest is { } isCanary)
        {
            _context["isCanaryRequest"] = isCanary;
        }
        _context["requestOverride"] = VtlValues.Map([new("header", Empty()), new("path", Empty()), new("querystring", Empty())]);
        _context["responseOverride"] = VtlValues.Map([new("header", Empty()), new("status", null)]);
        _stageVariables = VtlValues.Map(context.StageVariables?.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)) ?? []);
        _parameters = new MethodRequestParameters(context);
    }

    /// <summary>The method request's parameters, also read by parameter mappings.</summary>
    public MethodRequestParameters Parameters => _parameters;

    /// <summary><c>$stageVariables</c>, for parameter mappings to read.</summary>
    public OrderedDictionary<string, object?> StageVariables => _stageVariables;

    /// <summary><c>$context</c>, for parameter mappings and gateway responses to read.</summary>
    public OrderedDictionary<string, object?> Context => _context;

    /// <summary>
    /// Gives a gateway response's template <c>$context.error</c>: <c>message</c>,
    /// <c>messageString</c> (the message as a quoted JSON string) and <c>responseType</c>.
    /// </summary>
    public void SetError(string responseType, string? message) => _context["error"] = VtlValues.Map(
    [
        new("message", message ?? ""),
        new("messageString", message is null ? "null" : VtlJson.ToJson(message)),
        new("responseType", responseType),
        new("validationErrorString", ""),
    ]);

    /// <summary>Renders <paramref name="template"/> over <paramref name="body"/>.</summary>
    /// <exception cref="VtlException">The template does not parse or fails.</exception>
    public string Render(string template, string body) => VtlEvaluator.Render(template, new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["input"] = new MappingInput(body, _parameters),
        ["context"] = _context,
        ["stageVariables"] = _stageVariables,
        ["util"] = MappingUtil.Instance,
    });

    /// <summary>The status a template set with <c>#set($context.responseOverride.status = 400)</c>, if any.</summary>
    public int? StatusOverride =>
        VtlValues.Int((_context["responseOverride"] as OrderedDictionary<string, object?>)?.GetValueOrDefault("status")) is { } status && status is >= 100 and <= 599 ? status : null;

    /// <summary>The headers a template set with <c>#set($context.responseOverride.header.Name = "value")</c>.</summary>
    public IEnumerable<KeyValuePair<string, string>> HeaderOverrides =>
        ((_context["responseOverride"] as OrderedDictionary<string, object?>)?.GetValueOrDefault("header") as OrderedDictionary<string, object?> ?? [])
            .Where(h => h.Value is not null)
            .Select(h => new KeyValuePair<string, string>(h.Key, VtlValues.Text(h.Value)));

    private static OrderedDictionary<string, object?> Empty() => new(StringComparer.Ordinal);
}
