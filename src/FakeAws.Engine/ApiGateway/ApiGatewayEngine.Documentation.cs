using System.Text.Json;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateDocumentationPart, GetDocumentationPart(s), UpdateDocumentationPart, DeleteDocumentationPart,
// ImportDocumentationParts, CreateDocumentationVersion, GetDocumentationVersion(s),
// UpdateDocumentationVersion, DeleteDocumentationVersion.
internal sealed partial class ApiGatewayEngine
{
    private const string DocumentationExtension = "x-amazon-apigateway-documentation";

    public DocumentationPart CreateDocumentationPart(RequestScope scope, CreateDocumentationPartRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var location = NormalizeLocation(request.Location!);
        CheckProperties(request.Properties);
        if (FindPart(api, location) is not null)
        {
            throw ApiGatewayErrors.Conflict($"Documentation part already exists for the specified location: {DocumentationLocations.Describe(location)}.");
        }
        var part = AddPart(api, location, request.Properties!);
        return ApiGatewayJson.Clone(part);
    });

    public DocumentationPart GetDocumentationPart(RequestScope scope, GetDocumentationPartRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetPart(region, request.RestApiId, request.DocumentationPartId)));

    public DocumentationParts GetDocumentationParts(RequestScope scope, GetDocumentationPartsRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var matching = api.DocumentationParts.Values.Where(part =>
            (request.Type is null || part.Location!.Type == request.Type)
            && (string.IsNullOrEmpty(request.Path) || part.Location!.Path == request.Path)
            && (string.IsNullOrEmpty(request.NameQuery) || (part.Location!.Name?.Contains(request.NameQuery, StringComparison.OrdinalIgnoreCase) ?? false))
            && (request.LocationStatus is null || DocumentationLocations.IsDocumented(part.Properties) == (request.LocationStatus == "DOCUMENTED")));
        var (page, next) = Paging.Page(matching.Select(ApiGatewayJson.Clone).ToList(), request.Limit, request.Position);
        return new DocumentationParts { Items = page, Position = next };
    });

    public DocumentationPart UpdateDocumentationPart(RequestScope scope, UpdateDocumentationPartRequest request) => Locked(scope, region =>
    {
        var part = GetPart(region, request.RestApiId, request.DocumentationPartId);
        var properties = part.Properties;
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ["/properties"]);
            CheckProperties(patch.Value);
            properties = patch.Value;
        }
        part.Properties = properties;
        return ApiGatewayJson.Clone(part);
    });

    public void DeleteDocumentationPart(RequestScope scope, DeleteDocumentationPartRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        api.DocumentationParts.Remove(GetPart(api, request.DocumentationPartId).Id!);
    });

    public DocumentationPartIds ImportDocumentationParts(RequestScope scope, ImportDocumentationPartsRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var warnings = new List<string>();
        var imported = new List<(DocumentationPartLocation Location, string Properties)>();
        foreach (var (index, part) in ReadDocumentationParts(request.Body!).Index())
        {
            var isObject = part.ValueKind == JsonValueKind.Object;
            var location = isObject && part.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object
                ? l.Deserialize<DocumentationPartLocation>(ApiGatewayJson.Options)!
                : new DocumentationPartLocation();
            var (normalized, error) = DocumentationLocations.Normalize(location);
            var properties = isObject && part.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.GetRawText() : null;
            if (normalized is null || properties is null)
            {
                warnings.Add($"Documentation part {index}: {error ?? "properties must be a JSON object"}");
                continue;
            }
            imported.Add((normalized, properties));
        }
        if (warnings.Count > 0 && request.FailOnWarnings == true)
        {
            throw ApiGatewayErrors.BadRequest($"Warnings found during import:\n\t{string.Join("\n\t", warnings)}");
        }
        // overwrite replaces the API's documentation with the file's; merge (the default) updates the
        // parts at the file's locations and keeps the rest.
        if (request.Mode == "overwrite")
        {
            api.DocumentationParts.Clear();
        }
        var ids = new List<string>();
        foreach (var (location, properties) in imported)
        {
            var part = FindPart(api, location) ?? AddPart(api, location, properties);
            part.Properties = properties;
            ids.Add(part.Id!);
        }
        return new DocumentationPartIds { Ids = ids, Warnings = warnings.Count > 0 ? warnings : null };
    });

    public DocumentationVersion CreateDocumentationVersion(RequestScope scope, CreateDocumentationVersionRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var stage = request.StageName is null ? null : GetStage(api, request.StageName);
        if (api.DocumentationVersions.ContainsKey(request.DocumentationVersion!))
        {
            throw ApiGatewayErrors.Conflict("Documentation version already exists");
        }
        var version = new DocumentationVersion { Version = request.DocumentationVersion, CreatedDate = Now, Description = request.Description };
        api.DocumentationVersions[version.Version!] = new DocumentationSnapshot(version, api.DocumentationParts.Values.Select(ApiGatewayJson.Clone).ToList());
        stage?.DocumentationVersion = version.Version;
        return ApiGatewayJson.Clone(version);
    });

    public DocumentationVersion GetDocumentationVersion(RequestScope scope, GetDocumentationVersionRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetVersion(GetApi(region, request.RestApiId), request.DocumentationVersion).Version));

    public DocumentationVersions GetDocumentationVersions(RequestScope scope, GetDocumentationVersionsRequest request) => Locked(scope, region =>
    {
        var versions = GetApi(region, request.RestApiId).DocumentationVersions.Values.Select(v => ApiGatewayJson.Clone(v.Version)).ToList();
        var (page, next) = Paging.Page(versions, request.Limit, request.Position);
        return new DocumentationVersions { Items = page, Position = next };
    });

    public DocumentationVersion UpdateDocumentationVersion(RequestScope scope, UpdateDocumentationVersionRequest request) => Locked(scope, region =>
    {
        var version = GetVersion(GetApi(region, request.RestApiId), request.DocumentationVersion).Version;
        var description = version.Description;
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ["/description"]);
            description = patch.Value;
        }
        version.Description = description;
        return ApiGatewayJson.Clone(version);
    });

    public void DeleteDocumentationVersion(RequestScope scope, DeleteDocumentationVersionRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var version = GetVersion(api, request.DocumentationVersion).Version.Version!;
        api.DocumentationVersions.Remove(version);
        // A stage that published the version publishes none from now on.
        foreach (var stage in api.Stages.Values.Where(s => s.DocumentationVersion == version))
        {
            stage.DocumentationVersion = null;
        }
    });

    private DocumentationPart AddPart(RestApiState api, DocumentationPartLocation location, string properties)
    {
        var part = new DocumentationPart { Id = ids.ShortId(), Location = location, Properties = properties };
        api.DocumentationParts[part.Id] = part;
        return part;
    }

    private static DocumentationPartLocation NormalizeLocation(DocumentationPartLocation location)
    {
        var (normalized, error) = DocumentationLocations.Normalize(location);
        return normalized ?? throw ApiGatewayErrors.BadRequest(error!);
    }

    private static void CheckProperties(string? properties)
    {
        if (!DocumentationLocations.IsJsonObject(properties))
        {
            throw ApiGatewayErrors.BadRequest("Invalid documentation content: properties must be a JSON object");
        }
    }

    private static DocumentationPart? FindPart(RestApiState api, DocumentationPartLocation location) =>
        api.DocumentationParts.Values.FirstOrDefault(part => DocumentationLocations.SameLocation(part.Location!, location));

    private static DocumentationPart GetPart(RestApiState api, string? id) =>
        id is not null && api.DocumentationParts.TryGetValue(id, out var part)
            ? part
            : throw ApiGatewayErrors.NotFound("Invalid Documentation part identifier specified");

    /// <summary>Get and Update answer an unknown API as an unknown part (AWS's recorded answer; Delete names the API).</summary>
    private static DocumentationPart GetPart(ApiGatewayRegion region, string? restApiId, string? id) =>
        restApiId is not null && region.RestApis.TryGetValue(restApiId, out var api)
            ? GetPart(api, id)
            : throw ApiGatewayErrors.NotFound("Invalid Documentation part identifier specified");

    private static DocumentationSnapshot GetVersion(RestApiState api, string? version) =>
        version is not null && api.DocumentationVersions.TryGetValue(version, out var snapshot)
            ? snapshot
            : throw ApiGatewayErrors.NotFound("Invalid Documentation version identifier specified");

    /// <summary>The <c>documentationParts</c> of an OpenAPI file's (JSON or YAML) documentation extension; none when it has none.</summary>
    private static List<JsonElement> ReadDocumentationParts(byte[] body) =>
        OpenApi.OpenApiDocuments.Parse(body) is not { } document
            ? throw ApiGatewayErrors.BadRequest("Invalid OpenAPI input.")
            : document[DocumentationExtension] is System.Text.Json.Nodes.JsonObject extension
                && extension["documentationParts"] is System.Text.Json.Nodes.JsonArray parts
                ? parts.Select(p => JsonSerializer.SerializeToElement(p)).ToList()
                : [];
}
