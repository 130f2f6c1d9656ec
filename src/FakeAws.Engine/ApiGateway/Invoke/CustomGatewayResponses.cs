using System.Text;
using FakeAws.Engine.ApiGateway.Velocity;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// Applies a REST API's customised gateway responses to an error the gateway raised: the
/// customisation of its type, else of DEFAULT_4XX or DEFAULT_5XX by its status, sets the status,
/// the headers (<c>gatewayresponse.header.X</c> from a literal, the method request, the context or a
/// stage variable) and the body, a mapping template that reads <c>$context.error</c>.
/// </summary>
internal static class CustomGatewayResponses
{
    public static GatewayResponse Apply(GatewayResponse error, RestApiSnapshot snapshot, InvocationContext context)
    {
        if (error.ResponseType is not { } type
            || (snapshot.GatewayResponses.GetValueOrDefault(type) ?? snapshot.GatewayResponses.GetValueOrDefault(error.Status < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX")) is not { } custom)
        {
            return error;
        }
        var mapping = new MappingTemplate(context);
        mapping.SetError(type, error.ErrorMessage);
        var templates = custom.ResponseTemplates ?? [];
        var mediaType = templates.ContainsKey("application/json") ? "application/json" : templates.Keys.FirstOrDefault();
        byte[] body;
        try
        {
            body = mediaType is null ? error.Body : Encoding.UTF8.GetBytes(mapping.Render(templates[mediaType], ""));
        }
        catch (VtlException)
        {
            body = error.Body;
        }
        var status = int.TryParse(custom.StatusCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : error.Status;
        var response = new GatewayResponse { Status = status, Body = body, ResponseType = type, ErrorMessage = error.ErrorMessage };
        response.Headers.AddRange(error.Headers);
        if (mediaType is not null)
        {
            response.Set("Content-Type", mediaType);
        }
        var requestBody = Encoding.UTF8.GetString(context.Request.Body);
        foreach (var (target, source) in custom.ResponseParameters ?? [])
        {
            if (target.StartsWith("gatewayresponse.header.", StringComparison.Ordinal)
                && ParameterMappings.Request(source, mapping, context, requestBody) is { } value)
            {
                response.Set(target["gatewayresponse.header.".Length..], value);
            }
        }
        return response;
    }
}
