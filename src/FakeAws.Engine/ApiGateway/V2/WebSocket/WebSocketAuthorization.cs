using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>
/// The authorization of a WebSocket API's <c>$connect</c> route, the only route AWS authorizes:
/// AWS_IAM (a SigV4-signed handshake; FakeAws checks neither signatures nor IAM policies) or a
/// Lambda REQUEST authorizer, called with the <c>$connect</c> event, the method ARN
/// <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect</c> and empty
/// <c>stageVariables</c>. Its policy must allow that ARN; its principal and context reach every
/// later event of the connection. WebSocket authorizers do not cache (AWS caches HTTP APIs' only).
/// </summary>
internal sealed class WebSocketAuthorization(LambdaCaller lambda)
{
    private static readonly TimeSpan AuthorizerTimeout = TimeSpan.FromSeconds(29);

    /// <summary>
    /// Authorizes the handshake; null when the connection may proceed (the authorizer's output is
    /// then on <paramref name="connection"/>), else the refusal: 401 without the identity sources or
    /// when the function throws "Unauthorized", 403 when the policy does not allow, 500 when the
    /// function fails, may not be invoked or answers something that is not a policy.
    /// </summary>
    public async Task<GatewayResponse?> AuthorizeAsync(HttpApiSnapshot snapshot, Route route, WebSocketConnection connection, InvocationContext context)
    {
        switch (route.AuthorizationType)
        {
            case "AWS_IAM":
                if (RestAuthorization.SignedAccessKey(context.Request) is not { } accessKey)
                {
                    return RestGatewayErrors.Forbidden();
                }
                connection.IamAccessKey = accessKey;
                return null;
            case "CUSTOM" when snapshot.Authorizers.GetValueOrDefault(route.AuthorizerId ?? "") is { } authorizer:
                return await LambdaAsync(authorizer, connection, context).ConfigureAwait(false);
            case "CUSTOM":
                return RestGatewayErrors.InternalServerError();
            default:
                return null;
        }
    }

    private async Task<GatewayResponse?> LambdaAsync(Authorizer authorizer, WebSocketConnection connection, InvocationContext context)
    {
        if (IdentitySources.Read(authorizer.IdentitySource ?? [], context) is null)
        {
            return RestGatewayErrors.Unauthorized();
        }
        var methodArn = $"{context.ApiArn}/{context.Stage}/$connect";
        var payload = WebSocketEvents.WriteAuthorizerEvent(context, connection, methodArn);
        var answer = await lambda.InvokeAuthorizerAsync(context, authorizer.AuthorizerUri, payload, AuthorizerTimeout, authorizer.AuthorizerCredentialsArn, authorizer.AuthorizerId).ConfigureAwait(false);
        if (answer.Unauthorized)
        {
            return RestGatewayErrors.Unauthorized();
        }
        if (answer.Payload is not { } answered || LambdaAuthorizerResults.ReadPolicy(answered, principalRequired: true) is not { } result)
        {
            return RestGatewayErrors.InternalServerError();
        }
        PolicyDecision decision;
        try
        {
            decision = IamPolicy.Evaluate(result.Policy!.Value, methodArn, context.ApiArn);
        }
        catch (FormatException)
        {
            return RestGatewayErrors.InternalServerError();
        }
        if (decision != PolicyDecision.Allow)
        {
            return RestGatewayErrors.AccessDenied(explicitDeny: decision == PolicyDecision.ExplicitDeny);
        }
        connection.Authorizer = writer => RestAuthorization.WriteLambdaAuthorizer(writer, result);
        connection.UsageIdentifierKey = result.UsageIdentifierKey;
        return null;
    }
}
