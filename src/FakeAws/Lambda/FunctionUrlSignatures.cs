using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Protocol;

namespace FakeAws.Lambda;

/// <summary>
/// The SigV4 check of AWS_IAM function URLs. With <see cref="FakeAwsOptions.VerifySignatures"/>, the
/// signature must be the cloud's credentials' at the cloud's time, as every other request then; without
/// it (the default), any complete SigV4 Authorization header is let in, as the cloud lets any signature
/// in elsewhere, but a request without one is refused, as AWS refuses it.
/// </summary>
internal static class FunctionUrlSignatures
{
    public static bool Valid(GatewayRequest request, FakeAwsCloud cloud)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier},{value}" : value;
        }
        var wire = new WireRequest { Method = request.Method, Path = request.Path, Query = request.RawQuery, Headers = headers, Body = request.Body };
        var credentials = cloud.Credentials.GetCredentials();
        var error = SignatureCheck.Verify(wire, credentials.AccessKey, credentials.SecretKey, cloud.Clock.GetUtcNow(), 403);
        return error is null
            || (!cloud.Options.VerifySignatures && error.Code is not ("MissingAuthenticationTokenException" or "IncompleteSignatureException"));
    }
}
