using System.Text.Json;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.Invoke;

// TestInvokeAuthorizer: one authorizer of the API as it is now, called with a simulated request.
internal sealed partial class ApiGatewayInvoker
{
    /// <summary>The stage of the method ARN a tested authorizer sees.</summary>
    internal const string TestAuthorizerStage = "ESTestInvoke-stage";

    /// <summary>
    /// Calls <paramref name="authorizer"/> as a request to the API would, without its cache: a Lambda
    /// authorizer answers its principal and policy, a Cognito authorizer the token's claims, and
    /// <c>clientStatus</c> is what a caller would get (200, 401 without a valid identity, 403 when the
    /// policy denies the method, 500 when the authorizer fails).
    /// </summary>
    public Task<TestInvokeAuthorizerResponse> TestInvokeAuthorizerAsync(ApiGatewayRegion region, Authorizer authorizer, TestInvokeAuthorizerRequest test) =>
        _cloud.Clock.RunInVirtualTimeAsync(
            () => RunTestAuthorizerAsync(region, authorizer, test),
            $"apigateway TestInvokeAuthorizer {test.RestApiId} {authorizer.Id}",
            CancellationToken.None);

    private async Task<TestInvokeAuthorizerResponse> RunTestAuthorizerAsync(ApiGatewayRegion region, Authorizer authorizer, TestInvokeAuthorizerRequest test)
    {
        var request = TestRequest("GET", string.IsNullOrEmpty(test.PathWithQueryString) ? "/" : test.PathWithQueryString, test.Headers, test.MultiValueHeaders, test.Body);
        var context = NewContext(region, test.RestApiId!, TestAuthorizerStage, request.Path, request);
        context.StageVariables = test.StageVariables is { Count: > 0 } variables ? new Dictionary<string, string>(variables) : null;
        var started = _cloud.Now;
        var answer = new TestInvokeAuthorizerResponse();
        if (authorizer.Type == "COGNITO_USER_POOLS")
        {
            var refused = _restAuthorization.Cognito(authorizer, new Method(), context);
            answer.ClientStatus = refused?.Status ?? 200;
            answer.Claims = refused is null ? Claims(context) : null;
        }
        else if (RestAuthorization.LambdaIdentity(authorizer, context) is not { } identity)
        {
            answer.ClientStatus = 401;
        }
        else
        {
            var methodArn = context.MethodArn("GET", request.Path);
            var (result, failed) = await _restAuthorization.CallLambdaAsync(authorizer, context, identity, methodArn).ConfigureAwait(false);
            answer.ClientStatus = failed?.Status ?? RestAuthorization.Decide(result!, methodArn, context)?.Status ?? 200;
            answer.PrincipalId = result?.PrincipalId;
            answer.Policy = result?.Policy?.GetRawText();
        }
        answer.Latency = (long)(_cloud.Now - started).TotalMilliseconds;
        var at = LogTime(context);
        answer.Log = $"Execution log for request {context.RequestId}\n"
            + $"{at} : Starting authorizer: {authorizer.Id} for request: {context.RequestId}\n"
            + $"{at} : Authorizer completed with client status: {answer.ClientStatus}\n";
        return answer;
    }

    /// <summary>The claims a Cognito authorizer put on the context, as strings.</summary>
    private static Dictionary<string, string> Claims(InvocationContext context)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            context.Authorizer!(writer);
        }
        using var written = JsonDocument.Parse(buffer.ToArray());
        return written.RootElement.GetProperty("claims").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
