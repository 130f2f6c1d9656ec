namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// The responses a REST API (v1) gives when it cannot reach the integration, exactly as AWS sends
/// them, with the <c>x-amzn-ErrorType</c> header of each. The bodies differ in casing and spacing
/// (<c>"Message"</c> for authorization denials, a space after the colon for integration failures)
/// because different parts of API Gateway write them.
/// </summary>
internal static class RestGatewayErrors
{
    /// <summary>No resource or method matches: MISSING_AUTHENTICATION_TOKEN.</summary>
    public static GatewayResponse MissingAuthenticationToken() =>
        Error(403, "MissingAuthenticationTokenException", """{"message":"Missing Authentication Token"}""", "MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token");

    /// <summary>A missing or invalid token: UNAUTHORIZED.</summary>
    public static GatewayResponse Unauthorized() => Error(401, "UnauthorizedException", """{"message":"Unauthorized"}""", "UNAUTHORIZED", "Unauthorized");

    /// <summary>A Cognito token past its <c>exp</c>: UNAUTHORIZED with its own message.</summary>
    public static GatewayResponse ExpiredToken() => Error(401, "UnauthorizedException", """{"message":"The incoming token has expired"}""", "UNAUTHORIZED", "The incoming token has expired");

    /// <summary>A Lambda authorizer's policy denies the method: ACCESS_DENIED.</summary>
    public static GatewayResponse AccessDenied(bool explicitDeny)
    {
        var message = explicitDeny ? "User is not authorized to access this resource with an explicit deny" : "User is not authorized to access this resource";
        return Error(403, "AccessDeniedException", $$"""{"Message":"{{message}}"}""", "ACCESS_DENIED", message);
    }

    /// <summary>The API's resource policy denies the caller: ACCESS_DENIED, naming the method ARN.</summary>
    public static GatewayResponse ResourcePolicyDenied(string methodArn, bool explicitDeny)
    {
        var message = $"User: anonymous is not authorized to perform: execute-api:Invoke on resource: {methodArn}{(explicitDeny ? " with an explicit deny" : "")}";
        return Error(403, "AccessDeniedException", $$"""{"Message":"{{message}}"}""", "ACCESS_DENIED", message);
    }

    /// <summary>An unknown stage, or a private API called from outside a VPC: before any API's gateway responses apply.</summary>
    public static GatewayResponse Forbidden() => Error(403, "ForbiddenException", """{"message":"Forbidden"}""", null, "Forbidden");

    /// <summary>A missing, unknown or disabled API key, or one of no usage plan of the stage: INVALID_API_KEY.</summary>
    public static GatewayResponse InvalidApiKey() => Error(403, "ForbiddenException", """{"message":"Forbidden"}""", "INVALID_API_KEY", "Forbidden");

    /// <summary>A stage or usage plan throttle: THROTTLED.</summary>
    public static GatewayResponse Throttled() => Error(429, "TooManyRequestsException", """{"message":"Too Many Requests"}""", "THROTTLED", "Too Many Requests");

    /// <summary>A usage plan's quota is used up: QUOTA_EXCEEDED.</summary>
    public static GatewayResponse QuotaExceeded() => Error(429, "LimitExceededException", """{"message":"Limit Exceeded"}""", "QUOTA_EXCEEDED", "Limit Exceeded");

    /// <summary>The Lambda authorizer failed or answered something that is not a policy: AUTHORIZER_CONFIGURATION_ERROR.</summary>
    public static GatewayResponse AuthorizerConfiguration() => Error(500, "AuthorizerConfigurationException", """{"message":null}""", "AUTHORIZER_CONFIGURATION_ERROR", null);

    /// <summary>The function failed or answered a malformed proxy response.</summary>
    public static GatewayResponse BadGateway() => Error(502, "InternalServerErrorException", """{"message": "Internal server error"}""", "DEFAULT_5XX", "Internal server error");

    /// <summary>The function could not be invoked at all (missing, throttled), or a MOCK integration has no matching response.</summary>
    public static GatewayResponse InternalServerError() => Error(500, "InternalServerErrorException", """{"message": "Internal server error"}""", "DEFAULT_5XX", "Internal server error");

    /// <summary>No request template for the request's media type, and the passthrough behaviour forbids passing it on: UNSUPPORTED_MEDIA_TYPE.</summary>
    public static GatewayResponse UnsupportedMediaType() => Error(415, "UnsupportedMediaTypeException", """{"message":"Unsupported Media Type"}""", "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type");

    /// <summary>A request validator found required parameters missing: BAD_REQUEST_PARAMETERS.</summary>
    public static GatewayResponse BadRequestParameters(string message) =>
        Error(400, "BadRequestException", $$"""{"message": "{{message}}"}""", "BAD_REQUEST_PARAMETERS", message);

    /// <summary>A request validator found the body does not match its model: BAD_REQUEST_BODY.</summary>
    public static GatewayResponse BadRequestBody() => Error(400, "BadRequestException", """{"message": "Invalid request body"}""", "BAD_REQUEST_BODY", "Invalid request body");

    /// <summary>The integration did not answer within its timeout (29 s unless set lower): INTEGRATION_TIMEOUT.</summary>
    public static GatewayResponse Timeout() => Error(504, "InternalServerErrorException", """{"message": "Endpoint request timed out"}""", "INTEGRATION_TIMEOUT", "Endpoint request timed out");

    /// <summary>An error with its gateway response type and <c>$context.error.message</c>, which an API's customised gateway responses replace.</summary>
    private static GatewayResponse Error(int status, string type, string body, string? responseType, string? message)
    {
        var response = GatewayResponse.Json(status, body);
        response.ResponseType = responseType;
        response.ErrorMessage = message;
        response.Headers.Add(new("x-amzn-ErrorType", type));
        return response;
    }
}

/// <summary>
/// The responses an HTTP API (v2) gives when it cannot reach the integration. HTTP APIs send no
/// error type header, and their texts are capitalized differently from REST APIs'.
/// </summary>
internal static class HttpGatewayErrors
{
    public static GatewayResponse NotFound() => GatewayResponse.Json(404, """{"message":"Not Found"}""");

    /// <summary>A missing or invalid token; a JWT authorizer says why in <c>www-authenticate</c>.</summary>
    public static GatewayResponse Unauthorized(string? wwwAuthenticate = null)
    {
        var response = GatewayResponse.Json(401, """{"message":"Unauthorized"}""");
        if (wwwAuthenticate is not null)
        {
            response.Headers.Add(new("www-authenticate", wwwAuthenticate));
        }
        return response;
    }

    public static GatewayResponse Forbidden(string? wwwAuthenticate = null)
    {
        var response = GatewayResponse.Json(403, """{"message":"Forbidden"}""");
        if (wwwAuthenticate is not null)
        {
            response.Headers.Add(new("www-authenticate", wwwAuthenticate));
        }
        return response;
    }

    public static GatewayResponse Throttled() => GatewayResponse.Json(429, """{"message":"Too Many Requests"}""");

    /// <summary>The function failed, answered a malformed response, could not be invoked, or an authorizer failed.</summary>
    public static GatewayResponse InternalServerError() => GatewayResponse.Json(500, """{"message":"Internal Server Error"}""");

    /// <summary>The integration did not answer within its timeout (30 s unless set lower).</summary>
    public static GatewayResponse Timeout() => GatewayResponse.Json(503, """{"message":"Service Unavailable"}""");
}
