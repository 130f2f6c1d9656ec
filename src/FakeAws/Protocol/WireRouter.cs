using System.Text;
using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// The one front door of a cloud. It picks the service for each request by its endpoint host (for
/// front doors with hosts of their own), its X-Amz-Target, the service name in its SigV4 credential
/// scope, or its path, and serves the admin endpoints under <c>/_fakeaws/</c>. On the way it does what
/// AWS's front doors do before a service reads a request: bodies over the service's limit get a 413, signatures are
/// checked (when <see cref="FakeAwsOptions.VerifySignatures"/> asks for it), compressed bodies are
/// decoded, an unclaimed <c>GET /</c> gets DynamoDB's health check, and large responses are compressed
/// for clients that accept gzip.
/// </summary>
internal sealed class WireRouter(FakeAwsCloud cloud)
{
    private readonly List<IWireService> _services = [];

    public IReadOnlyList<IWireService> Services => _services;

    /// <summary>Opens a front door, unbuilt: its service is built when first used, and its operations then pass through <see cref="Intercepted"/>.</summary>
    public void Register(DeferredFrontDoor service) => _services.Add(service);

    /// <summary>Sends the calls of <paramref name="service"/>'s operations through the cloud's interceptor (faults, recording).</summary>
    public void Intercepted(IWireService service) =>
        service.Operations?.Intercept(service.Route.SigningName, service.Json ?? JsonProtocol.Options(), cloud.Interceptor);

    /// <exception cref="ObjectDisposedException">The cloud is disposed: whatever still holds its handler (a client, an HttpClient, the server) is told so.</exception>
    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        cloud.ThrowIfDisposed();
        if (request.Path.StartsWith("/_fakeaws/", StringComparison.Ordinal))
        {
            return Admin(request);
        }
        // The clock stands still while the request is handled, unless it waits on the clock itself.
        using var call = cloud.Clock.Scheduler.Arrive();
        var signed = SigV4Scope.From(request);
        var service = Route(request, signed);
        // GET / is the health check unless a front door with a host of its own (a deployed API) claims it.
        if (request is { Method: "GET", Path: "/" } && request.Header("X-Amz-Target") is null && service is null or { Route.TargetPrefix: not null })
        {
            return HealthCheck();
        }
        var scope = cloud.Context.Scope(signed?.Region);
        if (service is null)
        {
            var unserved = UnservedService.Answer(request, signed, _services.Select(s => s.Route.SigningName), out var refusal);
            cloud.Interceptor.Refused(refusal.Service ?? "unknown", CallInterceptor.OperationOf(request), scope, request, refusal.Code, refusal.Message, refusal.Status);
            return unserved;
        }
        if (cloud.Options.VerifySignatures && service.Operations is not null && VerifySignature(request, service, scope) is { } refused)
        {
            return refused;
        }
        switch (BodyEncoding.TryDecode(request.Body, request.Header("Content-Encoding"), service.MaxRequestBytes ?? Array.MaxLength, out var body))
        {
            case BodyEncoding.Failure.TooLarge:
                // Answered without a body, as AWS's front door does; the record names the status's reason.
                Refused(service, request, scope, new AwsServiceException("RequestEntityTooLarge", "Request Entity Too Large", 413));
                return new WireResponse { Status = 413 };
            case BodyEncoding.Failure.Undecodable:
                // DynamoDB answers a body it cannot decode with a 500, as if it had failed itself.
                return Refused(service, request, scope, new AwsServiceException("InternalServerError", "Internal server error", 500));
        }
        var response = await service.HandleAsync(ReferenceEquals(body, request.Body) ? request : request.WithBody(body), scope, cancellationToken)
            .ConfigureAwait(false);
        return service.CompressesResponses && BodyEncoding.ShouldCompress(request.Header("Accept-Encoding"), response.Body.Length)
            ? Compressed(response)
            : response;
    }

    private WireResponse? VerifySignature(WireRequest request, IWireService service, RequestScope scope)
    {
        var credentials = cloud.Credentials.GetCredentials();
        // The JSON protocols answer authentication errors with 400, the REST ones with 403.
        var status = service.Route.TargetPrefix is null ? 403 : 400;
        return SignatureCheck.Verify(request, credentials.AccessKey, credentials.SecretKey, cloud.Clock.GetUtcNow(), status) is { } error
            ? Refused(service, request, scope, error)
            : null;
    }

    // A request the front door refuses before the service reads it: recorded under the service's signing name, and answered in its format.
    private WireResponse Refused(IWireService service, WireRequest request, RequestScope scope, AwsServiceException error)
    {
        cloud.Interceptor.Refused(service.Route.SigningName, CallInterceptor.OperationOf(request), scope, request, error.Code, error.Message, error.StatusCode);
        return service.Refuse(error);
    }

    private static WireResponse Compressed(WireResponse response)
    {
        var compressed = new WireResponse { Status = response.Status, ContentType = response.ContentType, Body = BodyEncoding.Gzip(response.Body) };
        foreach (var (name, value) in response.Headers)
        {
            compressed.Headers[name] = value;
        }
        compressed.Headers["Content-Encoding"] = "gzip";
        return compressed;
    }

    // What DynamoDB's endpoint answers an unsigned GET /, which load balancers and readiness probes use.
    private WireResponse HealthCheck() => new()
    {
        ContentType = "text/plain",
        Body = Encoding.UTF8.GetBytes($"healthy: dynamodb.{cloud.Options.Region}.amazonaws.com "),
    };

    private IWireService? Route(WireRequest request, SigV4Scope? signed)
    {
        if (request.Host.Length > 0 && _services.FirstOrDefault(s => s.Route.OwnsHost(request.Host)) is { } byHost)
        {
            return byHost;
        }
        var target = request.Header("X-Amz-Target");
        if (target is not null)
        {
            var dot = target.IndexOf('.', StringComparison.Ordinal);
            var prefix = dot < 0 ? target.AsSpan() : target.AsSpan(0, dot);
            foreach (var service in _services)
            {
                if (service.Route.TargetPrefix is { } own && prefix.SequenceEqual(own))
                {
                    return service;
                }
            }
            return null;
        }
        if (signed is { } scope)
        {
            // A JSON service's request without X-Amz-Target is still its own, for it to refuse in its words.
            return _services.FirstOrDefault(s => s.Route.SigningName == scope.Service && (s.Route.TargetPrefix is not null || s.Route.OwnsPath(request.Path)));
        }
        return _services.FirstOrDefault(s => s.Route.OwnsPath(request.Path));
    }

    private WireResponse Admin(WireRequest request)
    {
        switch (request.Method, request.Path.TrimEnd('/'))
        {
            case ("POST", "/_fakeaws/reset"):
                cloud.Reset();
                return AdminJson(new { reset = true });
            case ("POST", "/_fakeaws/clock/advance"):
                return AdvanceClock(request.Body);
            case ("POST", "/_fakeaws/run-until-idle"):
                cloud.RunUntilIdleAsync().GetAwaiter().GetResult();
                return ClockNow();
            case ("GET", "/_fakeaws/clock"):
                return ClockNow();
            case ("GET", "/_fakeaws/health"):
                return AdminJson(new { status = "ok", services = _services.Select(s => s.Route.SigningName).Distinct().Order(StringComparer.Ordinal) });
            default:
                return TestingAdmin.Answer(cloud, request)
                    ?? new WireResponse { Status = 404, ContentType = "application/json", Body = "{\"message\":\"Unknown FakeAws admin endpoint\"}"u8.ToArray() };
        }
    }

    // A bad request is the caller's mistake, answered 400 with the reason, never a 500 with no body.
    private WireResponse AdvanceClock(byte[] body)
    {
        double seconds;
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            seconds = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("seconds", out var value)
                ? value.GetDouble()
                : 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return AdminError($"The body must be JSON like {{\"seconds\": 60}}: {e.Message}");
        }
        var now = cloud.Clock.GetUtcNow();
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > (DateTimeOffset.MaxValue - now).TotalSeconds)
        {
            return AdminError($"seconds must be a number from 0 to {Math.Floor((DateTimeOffset.MaxValue - now).TotalSeconds)}, the time left before the calendar ends; got {seconds}.");
        }
        cloud.Clock.Advance(TimeSpan.FromSeconds(seconds));
        return ClockNow();
    }

    /// <summary>An admin request the caller got wrong: 400 with the reason.</summary>
    internal static WireResponse AdminError(string message) => new()
    {
        Status = 400,
        ContentType = "application/json",
        Body = JsonSerializer.SerializeToUtf8Bytes(new { message }),
    };

    private WireResponse ClockNow()
    {
        var now = cloud.Clock.GetUtcNow();
        return AdminJson(new { now = now.ToString("O"), epochSeconds = now.ToUnixTimeMilliseconds() / 1000.0 });
    }

    /// <summary>An admin answer as JSON.</summary>
    internal static WireResponse AdminJson(object value) =>
        new() { ContentType = "application/json", Body = JsonSerializer.SerializeToUtf8Bytes(value) };
}
