namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// API Gateway's gateway response types and their default status codes (AWS's table; DEFAULT_4XX
/// and DEFAULT_5XX have none: they give the status of the error they stand in for). Each default
/// answers <c>{"message":$context.error.messageString}</c>.
/// </summary>
internal static class GatewayResponseTypes
{
    public const string DefaultTemplate = "{\"message\":$context.error.messageString}";

    public static readonly IReadOnlyList<(string Type, string? Status)> All =
    [
        ("DEFAULT_4XX", null),
        ("DEFAULT_5XX", null),
        ("RESOURCE_NOT_FOUND", "404"),
        ("UNAUTHORIZED", "401"),
        ("INVALID_API_KEY", "403"),
        ("API_CONFIGURATION_ERROR", "500"),
        ("QUOTA_EXCEEDED", "429"),
        ("INTEGRATION_TIMEOUT", "504"),
        ("MISSING_AUTHENTICATION_TOKEN", "403"),
        ("INVALID_SIGNATURE", "403"),
        ("AUTHORIZER_FAILURE", "500"),
        ("AUTHORIZER_CONFIGURATION_ERROR", "500"),
        ("BAD_REQUEST_PARAMETERS", "400"),
        ("BAD_REQUEST_BODY", "400"),
        ("REQUEST_TOO_LARGE", "413"),
        ("THROTTLED", "429"),
        ("ACCESS_DENIED", "403"),
        ("EXPIRED_TOKEN", "403"),
        ("WAF_FILTERED", "403"),
        ("INTEGRATION_FAILURE", "504"),
        ("UNSUPPORTED_MEDIA_TYPE", "415"),
    ];

    /// <summary>A type's default response, as GetGatewayResponse shows it before it is customised.</summary>
    public static Model.GatewayResponse Default(string type) => new()
    {
        ResponseType = type,
        StatusCode = All.FirstOrDefault(t => t.Type == type).Status,
        ResponseParameters = [],
        ResponseTemplates = new() { ["application/json"] = DefaultTemplate },
        DefaultResponse = true,
    };
}
