using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>
/// What a Lambda authorizer answered: an IAM policy with its principal (REST APIs, and HTTP APIs
/// without simple responses), or <c>isAuthorized</c> (HTTP APIs with simple responses); the
/// context handed to the integration; and, for REST APIs, the API key to meter the request against.
/// </summary>
internal sealed record LambdaAuthorization(
    string? PrincipalId,
    JsonElement? Policy,
    bool? IsAuthorized,
    IReadOnlyList<KeyValuePair<string, JsonElement>> Context,
    string? UsageIdentifierKey);
