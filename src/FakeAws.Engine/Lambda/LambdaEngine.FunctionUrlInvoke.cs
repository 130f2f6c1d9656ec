using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Policies;
using FakeAws.Engine.Lambda.Urls;

namespace FakeAws.Engine.Lambda;

// Requests to a function URL: authorization by AuthType and the resource-based policy, CORS, the
// payload format 2.0 event and the mapping of the function's result to the HTTP response.
internal sealed partial class LambdaEngine
{
    /// <summary>Anyone on the internet, as a function URL with AuthType NONE is called.</summary>
    private static readonly ServiceCaller Public = new("*");

    /// <summary>
    /// Serves one HTTP request to the function URL <paramref name="urlId"/> of the region in
    /// <paramref name="scope"/>. Every outcome is an HTTP response, as on AWS: 403 when the request is
    /// not authorized, 502 when the function fails or answers something that cannot be mapped.
    /// </summary>
    /// <param name="scope">The account and region of the URL's host name.</param>
    /// <param name="urlId">The URL's id, the first label of its host name.</param>
    /// <param name="request">The HTTP request.</param>
    /// <param name="cancellationToken">Stops waiting for the function.</param>
    public async Task<GatewayResponse> InvokeFunctionUrlAsync(RequestScope scope, string urlId, GatewayRequest request, CancellationToken cancellationToken = default)
    {
        var region = Region(scope);
        LambdaFunction function;
        FunctionUrl url;
        lock (region.Gate)
        {
            if (!region.UrlIds.TryGetValue(urlId, out function!))
            {
                return FunctionUrlResponses.Message(403, "Forbidden");
            }
            url = function.Urls.Values.First(u => u.UrlId == urlId);
            if (!UrlAuthorized(function, url, request))
            {
                return FunctionUrlResponses.Message(403, "Forbidden");
            }
        }
        if (url.Cors is { } cors && FunctionUrlCors.IsPreflight(request))
        {
            return FunctionUrlCors.Preflight(cors, request);
        }
        var qualifier = url.Qualifier == FunctionArns.Latest ? null : url.Qualifier;
        GatewayResponse response;
        try
        {
            var result = await InvokeCoreAsync(scope, function.Name, qualifier, UrlEvent(scope, url, request), LambdaInvocationType.RequestResponse, null, cancellationToken)
                .ConfigureAwait(false);
            response = result.FunctionError is null && FunctionUrlResponses.From(result.Payload ?? [], url.InvokeMode == "RESPONSE_STREAM") is { } mapped
                ? mapped
                : FunctionUrlResponses.Message(502, "Internal Server Error");
            response.Set("x-amzn-RequestId", result.RequestId);
        }
        catch (AwsServiceException refused)
        {
            response = FunctionUrlResponses.Message(refused.StatusCode, refused.Message);
        }
        if (url.Cors is { } applied)
        {
            FunctionUrlCors.Apply(applied, request, response);
        }
        return response;
    }

    /// <summary>
    /// AWS_IAM: the request must carry a SigV4 signature the cloud accepts. The signer is of the cloud's
    /// account (a cloud has one), where AWS lets a call in when the identity-based policy or the
    /// resource-based policy allows it; FakeAws does not model identity policies, so the signature decides.
    /// NONE: the policy of the URL's qualifier must let anyone (<c>*</c>) perform both
    /// <c>lambda:InvokeFunctionUrl</c> and, via the URL, <c>lambda:InvokeFunction</c>, as AWS requires of
    /// URLs created since October 2025; unless policies are not enforced.
    /// </summary>
    private bool UrlAuthorized(LambdaFunction function, FunctionUrl url, GatewayRequest request)
    {
        if (url.AuthType == "AWS_IAM")
        {
            return _urlSignatureValid(request);
        }
        if (!Options.EnforceResourcePolicies)
        {
            return true;
        }
        return function.Policies.TryGetValue(url.Qualifier, out var policy)
            && PermissionStatements.Allows(policy, Public, function.Scope.AccountId, "lambda:InvokeFunctionUrl", viaFunctionUrl: true)
            && PermissionStatements.Allows(policy, Public, function.Scope.AccountId, "lambda:InvokeFunction", viaFunctionUrl: true);
    }

    /// <summary>
    /// The payload format 2.0 event of a function URL: API Gateway's HTTP API event with the URL's
    /// id as <c>apiId</c>, its host as <c>domainName</c>, <c>$default</c> route and stage, and the
    /// caller's account (<c>anonymous</c> for AuthType NONE).
    /// </summary>
    private byte[] UrlEvent(RequestScope scope, FunctionUrl url, GatewayRequest request)
    {
        var context = new InvocationContext
        {
            Request = request,
            AccountId = url.AuthType == "AWS_IAM" ? scope.AccountId : "anonymous",
            Region = scope.Region,
            ApiId = url.UrlId,
            Stage = "$default",
            Path = request.Path,
            RequestId = _cloud.Ids.NewGuid().ToString(),
            ExtendedRequestId = _cloud.Ids.NewGuid().ToString(),
            TraceId = $"Root=1-{Now.ToUnixTimeSeconds():x8}-{_cloud.Ids.NewString(24, "0123456789abcdef")}",
            Time = Now,
        };
        var domain = FunctionUrl.Host(url.UrlId, scope.Region);
        var @event = JsonNode.Parse(ProxyEvents.HttpV2(context))!.AsObject();
        @event["requestContext"]!["domainName"] = domain;
        if (@event["headers"] is JsonObject headers)
        {
            headers["host"] = domain;
        }
        return System.Text.Encoding.UTF8.GetBytes(@event.ToJsonString());
    }
}
