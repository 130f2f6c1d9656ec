using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.ApiGateway.Velocity;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

// REST APIs' non-proxy integrations (AWS, HTTP, MOCK): request template and parameters, the call, the integration response.
internal sealed partial class ApiGatewayInvoker
{
    private static readonly ServiceCaller ApiGatewayCaller = new("apigateway.amazonaws.com");

    /// <summary>
    /// A non-proxy integration: the request template chosen by the request's Content-Type (or the
    /// passthrough behaviour), the request parameter mappings, the call, and the integration response
    /// whose selection pattern matches (else the default one) with its parameter mappings and template.
    /// The integration's <c>contentHandling</c> converts the body: a binary body that stays binary goes
    /// on untouched; otherwise templates see text (a binary body base64-encoded) and a body converted
    /// to binary is the base64-decoded result (a 500 when it is not base64).
    /// </summary>
    private async Task<GatewayResponse> NonProxyAsync(Integration integration, IReadOnlyList<string> binaryMediaTypes, InvocationContext context)
    {
        var mapping = new MappingTemplate(context);
        var requestBody = Encoding.UTF8.GetString(context.Request.Body);
        var isBinary = ContentHandling.IsBinary(context.Request.Header("Content-Type")?.Split(';')[0].Trim(), binaryMediaTypes);
        var toBinary = ContentHandling.ToBinary(integration.ContentHandling, isBinary);
        byte[] payload;
        if (isBinary && toBinary)
        {
            payload = context.Request.Body;
        }
        else
        {
            try
            {
                if (RequestPayload(integration, context.Request, mapping, ContentHandling.AsText(context.Request.Body, isBinary)) is not { } rendered)
                {
                    return RestGatewayErrors.UnsupportedMediaType();
                }
                if (ContentHandling.FromText(rendered, toBinary) is not { } converted)
                {
                    return RestGatewayErrors.InternalServerError();
                }
                payload = converted;
            }
            catch (VtlException)
            {
                return RestGatewayErrors.InternalServerError();
            }
        }
        var targets = RequestTargets(integration, mapping, context, requestBody);
        var isLambda = integration.Type == "AWS" && IntegrationUris.LambdaFunction(integration.Uri) is not null;
        var outcome = integration.Type switch
        {
            "AWS" when isLambda => await LambdaIntegrationAsync(integration, context, targets, payload).ConfigureAwait(false),
            "AWS" => await ServiceIntegrationAsync(integration, context, Encoding.UTF8.GetString(payload)).ConfigureAwait(false),
            "HTTP" => await HttpIntegrationAsync(integration, context, targets, payload).ConfigureAwait(false),
            _ => MockIntegration(Encoding.UTF8.GetString(payload)),
        };
        return outcome.Failed ?? IntegrationResponse(integration, binaryMediaTypes, mapping, outcome.Answer!, isLambda, context.Request);
    }

    /// <summary>The integration's answer, or the gateway's own response when there is none (a timeout, a refused call).</summary>
    private readonly record struct Outcome(IntegrationAnswer? Answer, GatewayResponse? Failed)
    {
        public static implicit operator Outcome(IntegrationAnswer answer) => new(answer, null);

        public static implicit operator Outcome(GatewayResponse failed) => new(null, failed);
    }

    /// <summary>
    /// The integration request's body: the template for the request's media type (application/json
    /// when it names none), else the body as it came when the passthrough behaviour allows (WHEN_NO_MATCH
    /// always, WHEN_NO_TEMPLATES when there are no templates, NEVER never); null for a 415.
    /// </summary>
    private static string? RequestPayload(Integration integration, GatewayRequest request, MappingTemplate mapping, string body)
    {
        var templates = integration.RequestTemplates ?? [];
        var mediaType = request.Header("Content-Type")?.Split(';')[0].Trim() is { Length: > 0 } given ? given : "application/json";
        var template = templates.FirstOrDefault(t => string.Equals(t.Key, mediaType, StringComparison.OrdinalIgnoreCase));
        if (template.Key is not null)
        {
            return string.IsNullOrEmpty(template.Value) ? body : mapping.Render(template.Value, body);
        }
        return (integration.PassthroughBehavior ?? "WHEN_NO_MATCH") switch
        {
            "WHEN_NO_MATCH" => body,
            "WHEN_NO_TEMPLATES" when templates.Count == 0 => body,
            _ => null,
        };
    }

    /// <summary>The integration request's headers, query string and path values from the integration's <c>requestParameters</c>.</summary>
    private static RequestTargets RequestTargets(Integration integration, MappingTemplate mapping, InvocationContext context, string body)
    {
        var targets = new RequestTargets();
        foreach (var (target, source) in integration.RequestParameters ?? [])
        {
            if (ParameterMappings.Request(source, mapping, context, body) is not { } value)
            {
                continue;
            }
            var dot = target.StartsWith("integration.request.", StringComparison.Ordinal) ? target.IndexOf('.', "integration.request.".Length) : -1;
            if (dot < 0)
            {
                continue;
            }
            var name = target[(dot + 1)..];
            switch (target["integration.request.".Length..dot])
            {
                case "header":
                    targets.Headers.Add(new(name, value));
                    break;
                case "querystring":
                    targets.Query.Add(new(name, value));
                    break;
                case "multivaluequerystring":
                    targets.Query.AddRange(value.Split(',').Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                case "path":
                    targets.Path[name] = value;
                    break;
            }
        }
        return targets;
    }

    /// <summary>
    /// A function behind a non-proxy integration. A mapped <c>X-Amz-Invocation-Type</c> header is the
    /// Invoke call's invocation type: <c>Event</c> queues the event on Lambda (which runs it later, with
    /// its retries and destinations) and answers at once with an empty payload, which the default
    /// integration response maps; a type Lambda refuses is a 500.
    /// </summary>
    private async Task<Outcome> LambdaIntegrationAsync(Integration integration, InvocationContext context, RequestTargets targets, byte[] payload)
    {
        var function = IntegrationUris.LambdaFunction(IntegrationUris.WithStageVariables(integration.Uri ?? "", context.StageVariables))!;
        var timeout = TimeSpan.FromMilliseconds(integration.TimeoutInMillis ?? 29000);
        var invocationType = targets.Headers.LastOrDefault(h => string.Equals(h.Key, "X-Amz-Invocation-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "RequestResponse";
        var call = await _lambda.InvokeAsync(context, function, payload, timeout, integration.Credentials, invocationType: invocationType).ConfigureAwait(false);
        if (call.TimedOut)
        {
            return RestGatewayErrors.Timeout();
        }
        if (call.Result is not { } result)
        {
            return RestGatewayErrors.InternalServerError();
        }
        var body = Encoding.UTF8.GetString(result.Payload ?? []);
        return IntegrationAnswer.Lambda(body, result.FunctionError is null ? null : ErrorMessage(body));
    }

    /// <summary>A function error's <c>errorMessage</c>, which selection patterns match.</summary>
    private static string ErrorMessage(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errorMessage", out var message)
                ? message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText()
                : payload;
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    /// <summary>
    /// Another service of the cloud, through <c>arn:aws:apigateway:{region}:{service}:action/{Action}</c>:
    /// the payload is the action's JSON input; the answer is 200 with the output, or the service's
    /// error status with <c>{"__type": ..., "message": ...}</c>.
    /// </summary>
    private async Task<Outcome> ServiceIntegrationAsync(Integration integration, InvocationContext context, string payload)
    {
        var parts = IntegrationUris.WithStageVariables(integration.Uri ?? "", context.StageVariables).Split(':', 6);
        if (parts.Length < 6 || !parts[5].StartsWith("action/", StringComparison.Ordinal))
        {
            // The path form addresses REST-style services by URL, which FakeAws does not route in process.
            return RestGatewayErrors.InternalServerError();
        }
        var service = parts[4][(parts[4].LastIndexOf('.') + 1)..];
        var action = parts[5]["action/".Length..].Split('&')[0];
        var region = parts[3].Length > 0 ? parts[3] : context.Region;
        if (!JsonValues.TryParse(payload.Length == 0 ? "{}" : payload, out var input))
        {
            return IntegrationAnswer.Http(400, [], """{"__type":"SerializationException","message":"The request body is not JSON."}""");
        }
        try
        {
            var output = await _cloud.Services.CallJsonAsync(service, action, new RequestScope(context.AccountId, region, ApiGatewayCaller), input, CancellationToken.None).ConfigureAwait(false);
            return IntegrationAnswer.Http(200, [new("Content-Type", "application/x-amz-json-1.0")], output?.ToJsonString() ?? "{}");
        }
        catch (AwsServiceException e)
        {
            var error = new JsonObject { ["__type"] = e.Code, ["message"] = e.Message };
            return IntegrationAnswer.Http(e.StatusCode, [new("Content-Type", "application/x-amz-json-1.0")], error.ToJsonString());
        }
    }

    /// <summary>A MOCK integration: the status code is the rendered request template's <c>statusCode</c> (200 without one).</summary>
    private static Outcome MockIntegration(string payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return IntegrationAnswer.Http(200, [], "");
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            var status = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("statusCode", out var code)
                ? code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.GetString()
                : "200";
            return int.TryParse(status, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? IntegrationAnswer.Http(number, [], "")
                : RestGatewayErrors.InternalServerError();
        }
        catch (JsonException)
        {
            return RestGatewayErrors.InternalServerError();
        }
    }

    /// <summary>
    /// Maps an answer to the method response: the integration response whose selection pattern
    /// fully matches (the error message for a function, the status otherwise), else the default one
    /// (no pattern); none is a 500. Its header mappings, its template for the media type the caller
    /// accepts (else application/json, else the first), and a template's <c>responseOverride</c> apply.
    /// Its <c>contentHandling</c> (unset: the caller's first Accept type) decides whether the body
    /// goes back binary or text, converting an answer whose Content-Type is binary or text the other way.
    /// </summary>
    private static GatewayResponse IntegrationResponse(Integration integration, IReadOnlyList<string> binaryMediaTypes, MappingTemplate mapping, IntegrationAnswer answer, bool isLambda, GatewayRequest request)
    {
        var responses = integration.IntegrationResponses?.Values.ToList() ?? [];
        var input = answer.SelectionInput(isLambda);
        var selected = (isLambda && answer.ErrorMessage is null ? null : responses.FirstOrDefault(r => !string.IsNullOrEmpty(r.SelectionPattern) && Patterns.FullMatch(input, r.SelectionPattern)))
            ?? responses.FirstOrDefault(r => string.IsNullOrEmpty(r.SelectionPattern));
        if (selected is null || !int.TryParse(selected.StatusCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return RestGatewayErrors.InternalServerError();
        }
        var templates = selected.ResponseTemplates ?? [];
        var accepted = request.Header("Accept")?.Split(',').Select(a => a.Split(';')[0].Trim()).FirstOrDefault(a => templates.ContainsKey(a));
        var mediaType = accepted ?? (templates.ContainsKey("application/json") ? "application/json" : templates.Keys.FirstOrDefault()) ?? "application/json";
        var answerType = answer.Headers.LastOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.Split(';')[0].Trim();
        var isBinary = ContentHandling.IsBinary(answerType, binaryMediaTypes);
        var toBinary = ContentHandling.ToBinary(selected.ContentHandling, ContentHandling.IsBinary(ContentHandling.FirstAccepted(request.Header("Accept")), binaryMediaTypes));
        byte[] body;
        if (isBinary && toBinary)
        {
            body = answer.Raw;
        }
        else
        {
            try
            {
                var text = ContentHandling.AsText(answer.Raw, isBinary);
                var rendered = templates.GetValueOrDefault(mediaType) is { Length: > 0 } template ? mapping.Render(template, text) : text;
                if (ContentHandling.FromText(rendered, toBinary) is not { } converted)
                {
                    return RestGatewayErrors.InternalServerError();
                }
                body = converted;
            }
            catch (VtlException)
            {
                return RestGatewayErrors.InternalServerError();
            }
        }
        var response = new GatewayResponse { Status = mapping.StatusOverride ?? status, Body = body };
        response.Headers.Add(new("Content-Type", mediaType));
        foreach (var (target, source) in selected.ResponseParameters ?? [])
        {
            if (target.StartsWith("method.response.header.", StringComparison.Ordinal)
                && ParameterMappings.Response(source, mapping, answer.Headers, answer.Body) is { } value)
            {
                response.Set(target["method.response.header.".Length..], value);
            }
        }
        foreach (var (name, value) in mapping.HeaderOverrides)
        {
            response.Set(name, value);
        }
        return response;
    }
}

/// <summary>Where an integration's request parameters go: headers, query string parameters and path placeholders.</summary>
internal sealed class RequestTargets
{
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public List<KeyValuePair<string, string>> Query { get; } = [];

    public Dictionary<string, string> Path { get; } = new(StringComparer.Ordinal);

    /// <summary>The query string, each name and value percent-encoded.</summary>
    public string QueryString => string.Join('&', Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
}
