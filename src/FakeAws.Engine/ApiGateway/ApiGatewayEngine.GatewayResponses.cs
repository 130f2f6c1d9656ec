using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// PutGatewayResponse, GetGatewayResponse(s), UpdateGatewayResponse, DeleteGatewayResponse.
internal sealed partial class ApiGatewayEngine
{
    public Model.GatewayResponse PutGatewayResponse(RequestScope scope, PutGatewayResponseRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        CheckStatusCode(request.StatusCode);
        var response = new Model.GatewayResponse
        {
            ResponseType = request.ResponseType,
            StatusCode = request.StatusCode,
            ResponseParameters = request.ResponseParameters is { } parameters ? new(parameters) : [],
            ResponseTemplates = request.ResponseTemplates is { } templates ? new(templates) : [],
            DefaultResponse = false,
        };
        api.GatewayResponses[request.ResponseType!] = response;
        return ApiGatewayJson.Clone(response);
    });

    public Model.GatewayResponse GetGatewayResponse(RequestScope scope, GetGatewayResponseRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GatewayResponseOf(GetApi(region, request.RestApiId), request.ResponseType!)));

    /// <summary>Every response type, customised or default, in AWS's order.</summary>
    public GatewayResponses GetGatewayResponses(RequestScope scope, GetGatewayResponsesRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var all = GatewayResponseTypes.All.Select(t => ApiGatewayJson.Clone(GatewayResponseOf(api, t.Type))).ToList();
        var (page, next) = Paging.Page(all, request.Limit, request.Position);
        return new GatewayResponses { Items = page, Position = next };
    });

    public Model.GatewayResponse UpdateGatewayResponse(RequestScope scope, UpdateGatewayResponseRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var updated = ApiGatewayJson.Clone(GatewayResponseOf(api, request.ResponseType!));
        updated.ResponseParameters ??= [];
        updated.ResponseTemplates ??= [];
        foreach (var patch in request.PatchOperations ?? [])
        {
            var path = patch.Path ?? "";
            if (path == "/statusCode" && patch.Op == "replace")
            {
                CheckStatusCode(patch.Value);
                updated.StatusCode = patch.Value;
            }
            else if (MapEntry(path, "/responseParameters/") is { } parameter && patch.Op is "add" or "replace" or "remove")
            {
                Apply(updated.ResponseParameters, parameter, patch);
            }
            else if (MapEntry(path, "/responseTemplates/") is { } mediaType && patch.Op is "add" or "replace" or "remove")
            {
                Apply(updated.ResponseTemplates, mediaType, patch);
            }
            else
            {
                throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{path}' specified for op '{patch.Op}'. Must be one of: [/statusCode, /responseParameters/{{name}}, /responseTemplates/{{content-type}}]");
            }
        }
        updated.DefaultResponse = false;
        api.GatewayResponses[request.ResponseType!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    /// <summary>Deleting a customisation puts the type back to its default.</summary>
    public void DeleteGatewayResponse(RequestScope scope, DeleteGatewayResponseRequest request) => Locked(scope, region =>
    {
        if (!GetApi(region, request.RestApiId).GatewayResponses.Remove(request.ResponseType!))
        {
            throw ApiGatewayErrors.NotFound("Invalid Gateway Response identifier specified");
        }
    });

    private static Model.GatewayResponse GatewayResponseOf(RestApiState api, string type) =>
        api.GatewayResponses.TryGetValue(type, out var custom) ? custom : GatewayResponseTypes.Default(type);

    private static void CheckStatusCode(string? status)
    {
        if (status is not null && !(status.Length == 3 && status[0] is >= '1' and <= '5' && status.All(char.IsAsciiDigit)))
        {
            throw ApiGatewayErrors.BadRequest("Status code must be a valid HTTP status code between 100 and 599");
        }
    }

    /// <summary>The entry a patch path names under a map (JSON-pointer escaped: <c>~1</c> is a slash).</summary>
    private static string? MapEntry(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length
            ? path[prefix.Length..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : null;

    private static void Apply(Dictionary<string, string> map, string key, PatchOperation patch)
    {
        if (patch.Op == "remove")
        {
            map.Remove(key);
        }
        else
        {
            map[key] = patch.Value ?? "";
        }
    }
}
