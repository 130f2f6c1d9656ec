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
        // What the request leaves out keeps the type's default: its status and the message template.
        var defaults = GatewayResponseTypes.Default(request.ResponseType!);
        var response = new Model.GatewayResponse
        {
            ResponseType = request.ResponseType,
            StatusCode = request.StatusCode ?? defaults.StatusCode,
            ResponseParameters = request.ResponseParameters is { } parameters ? new(parameters) : [],
            ResponseTemplates = request.ResponseTemplates is { } templates ? new(templates) : defaults.ResponseTemplates,
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
            var path = patch.Path ?? "null";
            if (path == "/statusCode" && patch.Op == "replace")
            {
                CheckStatusCode(patch.Value);
                updated.StatusCode = patch.Value;
            }
            else if (MapEntry(path, "/responseParameters/") is { } parameter && patch.Op is "add" or "replace" or "remove")
            {
                PatchGatewayResponseMap(updated.ResponseParameters, "responseParameters", parameter, patch);
            }
            else if (MapEntry(path, "/responseTemplates/") is { } mediaType && patch.Op is "add" or "replace" or "remove")
            {
                PatchGatewayResponseMap(updated.ResponseTemplates, "responseTemplates", mediaType, patch);
            }
            else
            {
                throw ApiGatewayErrors.BadRequest($"Invalid patch path {path}");
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
            throw ApiGatewayErrors.NotFound("Gateway response type not defined on api");
        }
    });

    /// <summary>
    /// A type's response: its customisation, else its default, which takes the status, headers and
    /// templates of a customised DEFAULT_4XX or DEFAULT_5XX of its class (still a default response).
    /// </summary>
    private static Model.GatewayResponse GatewayResponseOf(RestApiState api, string type)
    {
        if (api.GatewayResponses.TryGetValue(type, out var custom))
        {
            return custom;
        }
        var response = GatewayResponseTypes.Default(type);
        var family = response.StatusCode is { } status ? (status[0] == '4' ? "DEFAULT_4XX" : "DEFAULT_5XX") : null;
        if (family is not null && api.GatewayResponses.TryGetValue(family, out var inherited))
        {
            response.StatusCode = inherited.StatusCode ?? response.StatusCode;
            response.ResponseParameters = inherited.ResponseParameters is { } parameters ? new(parameters) : [];
            response.ResponseTemplates = inherited.ResponseTemplates is { } templates ? new(templates) : [];
        }
        return response;
    }

    /// <summary>
    /// One header or template of a gateway response: a value must be given, and a replaced or
    /// removed entry must exist (AWS's recorded answers).
    /// </summary>
    private static void PatchGatewayResponseMap(Dictionary<string, string> map, string name, string key, PatchOperation patch)
    {
        if (patch.Op != "remove" && string.IsNullOrEmpty(patch.Value))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid null or empty value in {name}");
        }
        if (patch.Op != "add" && !map.ContainsKey(key))
        {
            throw ApiGatewayErrors.NotFound("Invalid parameter name specified");
        }
        Apply(map, key, patch);
    }

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
