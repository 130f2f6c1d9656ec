using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Protocol;

namespace FakeAws;

/// <summary>
/// The admin endpoints of snapshots, faults and recorded calls, for clients in other languages (FakeAws.Server):
/// <list type="bullet">
/// <item><c>GET /_fakeaws/state</c>: a snapshot of every service, in <see cref="CloudSnapshot"/>'s format; <c>PUT /_fakeaws/state</c> with one restores it.</item>
/// <item><c>POST /_fakeaws/faults</c> with a rule as JSON (<c>service</c>, <c>operation</c>, <c>region</c>, <c>requestContains</c>,
/// <c>afterCalls</c>, <c>times</c>, <c>probability</c>, <c>errorCode</c>, <c>statusCode</c>, <c>message</c>, <c>throttle</c>,
/// <c>latencySeconds</c>) adds it and answers its <c>id</c>; <c>GET /_fakeaws/faults</c> lists the rules with their counts;
/// <c>DELETE /_fakeaws/faults/{id}</c> removes one, <c>DELETE /_fakeaws/faults</c> all.</item>
/// <item><c>GET /_fakeaws/calls</c>: the recorded calls (the most recent <c>capacity</c>), with their requests and responses as JSON, and
/// how many older ones were <c>dropped</c>; <c>DELETE /_fakeaws/calls</c> clears them.</item>
/// </list>
/// </summary>
internal static class TestingAdmin
{
    private const string FaultsPath = "/_fakeaws/faults";

    /// <summary>Answers one of these endpoints, or null for a path that is none of them.</summary>
    public static WireResponse? Answer(FakeAwsCloud cloud, WireRequest request)
    {
        var path = request.Path.TrimEnd('/');
        switch (request.Method, path)
        {
            case ("GET", "/_fakeaws/state"):
                using (var buffer = new MemoryStream())
                {
                    cloud.Snapshot().Save(buffer);
                    return new WireResponse { ContentType = "application/octet-stream", Body = buffer.ToArray() };
                }
            case ("PUT" or "POST", "/_fakeaws/state"):
                return RestoreState(cloud, request.Body);
            case ("GET", FaultsPath):
                return WireRouter.AdminJson(new { faults = cloud.Faults.Active.Select(Describe) });
            case ("POST", FaultsPath):
                return AddFault(cloud, request.Body);
            case ("DELETE", FaultsPath):
                cloud.Faults.Clear();
                return WireRouter.AdminJson(new { removed = true });
            case ("DELETE", _) when path.StartsWith(FaultsPath + "/", StringComparison.Ordinal):
                var id = path[(FaultsPath.Length + 1)..];
                if (cloud.Faults.Active.FirstOrDefault(f => f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id) is not { } fault)
                {
                    return new WireResponse { Status = 404, ContentType = "application/json", Body = JsonSerializer.SerializeToUtf8Bytes(new { message = $"No fault rule {id}." }) };
                }
                fault.Remove();
                return WireRouter.AdminJson(new { removed = true });
            case ("GET", "/_fakeaws/calls"):
                return WireRouter.AdminJson(new { calls = cloud.Calls.Select(Describe), dropped = cloud.Calls.Dropped, capacity = cloud.Calls.Capacity });
            case ("DELETE", "/_fakeaws/calls"):
                cloud.Calls.Clear();
                return WireRouter.AdminJson(new { cleared = true });
            default:
                return null;
        }
    }

    private static WireResponse RestoreState(FakeAwsCloud cloud, byte[] body)
    {
        try
        {
            cloud.Restore(CloudSnapshot.Load(new MemoryStream(body, writable: false)));
        }
        catch (InvalidDataException e)
        {
            return WireRouter.AdminError(e.Message);
        }
        return WireRouter.AdminJson(new { restored = true });
    }

    private static WireResponse AddFault(FakeAwsCloud cloud, byte[] body)
    {
        FaultRule rule;
        try
        {
            var json = JsonNode.Parse(body.Length == 0 ? "{}"u8 : body) as JsonObject ?? throw new JsonException("The body must be a JSON object.");
            var contains = (string?)json["requestContains"];
            rule = new FaultRule
            {
                Service = (string?)json["service"],
                Operation = (string?)json["operation"],
                Region = (string?)json["region"],
                When = contains is null ? null : call => call.RequestJson.Contains(contains, StringComparison.Ordinal),
                AfterCalls = (int?)json["afterCalls"] ?? 0,
                Times = (int?)json["times"],
                Probability = (double?)json["probability"],
                ErrorCode = (string?)json["errorCode"],
                StatusCode = (int?)json["statusCode"],
                Message = (string?)json["message"],
                Throttle = (bool?)json["throttle"] ?? false,
                Latency = json["latencySeconds"] is { } seconds ? TimeSpan.FromSeconds((double)seconds) : null,
            };
            return WireRouter.AdminJson(new { id = cloud.Faults.Add(rule).Id });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return WireRouter.AdminError($"The body must be a fault rule as JSON, like {{\"service\": \"dynamodb\", \"operation\": \"PutItem\", \"errorCode\": \"InternalServerError\", \"times\": 1}}: {e.Message}");
        }
    }

    private static object Describe(InjectedFault fault) => new
    {
        id = fault.Id,
        service = fault.Rule.Service,
        operation = fault.Rule.Operation,
        region = fault.Rule.Region,
        errorCode = fault.Rule.ErrorCode,
        statusCode = fault.Rule.StatusCode,
        throttle = fault.Rule.Throttle,
        latencySeconds = fault.Rule.Latency?.TotalSeconds,
        afterCalls = fault.Rule.AfterCalls,
        times = fault.Rule.Times,
        probability = fault.Rule.Probability,
        matched = fault.Matched,
        fired = fault.Fired,
    };

    private static object Describe(AwsCall call) => new
    {
        service = call.Service,
        operation = call.Operation,
        region = call.Region,
        accountId = call.AccountId,
        caller = call.Caller,
        time = call.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        errorCode = call.ErrorCode,
        statusCode = call.StatusCode,
        faultId = call.Fault?.Id,
        request = call.Request,
        response = call.Response,
    };
}
