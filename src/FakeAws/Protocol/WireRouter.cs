using System.Text;
using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// The one front door of a cloud. It picks the service for each request by its endpoint host (for
/// front doors with hosts of their own), its X-Amz-Target, the service name in its SigV4 credential
/// scope, or its path, and serves the admin endpoints under <c>/_fakeaws/</c>.
/// </summary>
internal sealed class WireRouter(FakeAwsCloud cloud)
{
    private readonly List<IWireService> _services = [];

    public IReadOnlyList<IWireService> Services => _services;

    public void Register(IWireService service) => _services.Add(service);

    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        if (request.Path.StartsWith("/_fakeaws/", StringComparison.Ordinal))
        {
            return Admin(request);
        }
        var signed = SigV4Scope.From(request);
        var service = Route(request, signed);
        if (service is null)
        {
            return new WireResponse
            {
                Status = 400,
                ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["__type"] = "UnknownOperationException",
                    ["message"] = $"FakeAws cannot tell which service {request.Method} {request.Path} is for" +
                                  (signed is { } s ? $" (signed for '{s.Service}'), or does not support that service yet." : "."),
                })),
            };
        }
        var scope = cloud.Context.Scope(signed?.Region);
        return await service.HandleAsync(request, scope, cancellationToken).ConfigureAwait(false);
    }

    private IWireService? Route(WireRequest request, SigV4Scope? signed)
    {
        if (request.Host.Length > 0 && _services.FirstOrDefault(s => s.OwnsHost(request.Host)) is { } byHost)
        {
            return byHost;
        }
        var target = request.Header("X-Amz-Target");
        if (target is not null)
        {
            var prefix = target.Split('.')[0];
            return _services.FirstOrDefault(s => s.TargetPrefix == prefix);
        }
        if (signed is { } scope)
        {
            return _services.FirstOrDefault(s => s.TargetPrefix is null && s.SigningName == scope.Service && s.OwnsPath(request.Path));
        }
        return _services.FirstOrDefault(s => s.OwnsPath(request.Path));
    }

    private WireResponse Admin(WireRequest request)
    {
        switch (request.Method, request.Path.TrimEnd('/'))
        {
            case ("POST", "/_fakeaws/reset"):
                cloud.Reset();
                return AdminJson(new { reset = true });
            case ("POST", "/_fakeaws/clock/advance"):
                using (var body = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body))
                {
                    var seconds = body.RootElement.TryGetProperty("seconds", out var value) ? value.GetDouble() : 0;
                    cloud.Clock.Advance(TimeSpan.FromSeconds(seconds));
                }
                return ClockNow();
            case ("POST", "/_fakeaws/run-until-idle"):
                cloud.RunUntilIdleAsync().GetAwaiter().GetResult();
                return ClockNow();
            case ("GET", "/_fakeaws/clock"):
                return ClockNow();
            default:
                return new WireResponse { Status = 404, ContentType = "application/json", Body = "{\"message\":\"Unknown FakeAws admin endpoint\"}"u8.ToArray() };
        }
    }

    private WireResponse ClockNow()
    {
        var now = cloud.Clock.GetUtcNow();
        return AdminJson(new { now = now.ToString("O"), epochSeconds = now.ToUnixTimeMilliseconds() / 1000.0 });
    }

    private static WireResponse AdminJson(object value) =>
        new() { ContentType = "application/json", Body = JsonSerializer.SerializeToUtf8Bytes(value) };
}
