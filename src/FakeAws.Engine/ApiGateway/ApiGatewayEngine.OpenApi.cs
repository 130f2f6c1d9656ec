using System.Text;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.ApiGateway.OpenApi;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// GetExport, ImportRestApi, PutRestApi.
internal sealed partial class ApiGatewayEngine
{
    public ExportResponse GetExport(RequestScope scope, GetExportRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var stage = GetStage(api, request.StageName);
        var oas30 = request.ExportType switch
        {
            "oas30" => true,
            "swagger" => false,
            _ => throw ApiGatewayErrors.BadRequest($"No API exporter for type '{request.ExportType}'"),
        };
        var yaml = request.Accepts?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
        var deployment = GetDeployment(api, stage.DeploymentId);
        var documentation = stage.DocumentationVersion is { } version ? api.DocumentationVersions.GetValueOrDefault(version) : null;
        var extensions = ExportExtensions.Parse(request.Parameters?.GetValueOrDefault("extensions"));
        var document = OpenApiExporter.Export(oas30, api.Api, deployment.Snapshot, deployment.Deployment.CreatedDate ?? Now,
            stage.StageName!, scope.Region, extensions, documentation);
        var text = yaml ? OpenApiDocuments.ToYaml(document) : OpenApiDocuments.ToJson(document);
        var extension = yaml ? "yaml" : "json";
        return new ExportResponse
        {
            ContentType = yaml ? "application/yaml" : "application/json",
            ContentDisposition = $"attachment; filename=\"{request.ExportType}_{document["info"]?["version"]}.{extension}\"",
            Body = Encoding.UTF8.GetBytes(text),
        };
    });

    public RestApi ImportRestApi(RequestScope scope, ImportRestApiRequest request)
    {
        var document = ReadDefinition(request.Body);
        var parameters = ImportParameters.Read(request.Parameters);
        var name = OpenApiImporter.Title(document);
        var created = CreateRestApi(scope, new CreateRestApiRequest
        {
            Name = name,
            EndpointConfiguration = new EndpointConfiguration { Types = [parameters.EndpointType ?? OpenApiImporter.EndpointType(document) ?? "EDGE"] },
        });
        try
        {
            return Locked(scope, region =>
            {
                var warnings = new OpenApiImporter(this, scope, created.Id!, document, parameters, request.FailOnWarnings == true).Import(merge: false);
                var api = ApiGatewayJson.Clone(GetApi(region, created.Id).Api);
                api.Warnings = warnings.Count > 0 ? warnings : null;
                return api;
            });
        }
        catch
        {
            // An import that fails leaves no API behind.
            Locked(scope, region => region.RestApis.Remove(created.Id!));
            throw;
        }
    }

    public RestApi PutRestApi(RequestScope scope, PutRestApiRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var document = ReadDefinition(request.Body);
        var parameters = ImportParameters.Read(request.Parameters);
        var saved = new RestApiDefinition(api);
        List<string> warnings;
        try
        {
            warnings = new OpenApiImporter(this, scope, api.Api.Id!, document, parameters, request.FailOnWarnings == true).Import(merge: request.Mode == "merge");
        }
        catch (AwsServiceException)
        {
            // An import that fails changes nothing.
            saved.Restore(api);
            throw;
        }
        var result = ApiGatewayJson.Clone(api.Api);
        result.Warnings = warnings.Count > 0 ? warnings : null;
        return result;
    });

    /// <summary>Removes what an overwriting PutRestApi replaces: every resource but the root, the root's methods, and the API's definitions.</summary>
    internal void ClearDefinition(RequestScope scope, string restApiId) => Locked(scope, region =>
    {
        var api = GetApi(region, restApiId);
        foreach (var id in api.Resources.Keys.Where(id => id != api.Api.RootResourceId).ToList())
        {
            api.Resources.Remove(id);
        }
        api.Resources[api.Api.RootResourceId!].Methods.Clear();
        api.Authorizers.Clear();
        api.Validators.Clear();
        api.GatewayResponses.Clear();
        api.Models.Clear();
        AddBuiltInModels(api);
    });

    /// <summary>Sets the API's version, which only an imported definition's <c>info.version</c> does.</summary>
    internal void SetVersion(RequestScope scope, string restApiId, string version) => Locked(scope, region =>
        GetApi(region, restApiId).Api.Version = version);

    /// <summary>Removes a method an import is about to put again, so a merge replaces it.</summary>
    internal void RemoveMethod(RequestScope scope, string restApiId, string resourceId, string httpMethod) => Locked(scope, region =>
        GetResource(GetApi(region, restApiId), resourceId).Methods.Remove(httpMethod));

    private static System.Text.Json.Nodes.JsonObject ReadDefinition(byte[]? body) =>
        body is { Length: > 0 } && OpenApiDocuments.Parse(body) is { } document && (document.ContainsKey("swagger") || document.ContainsKey("openapi"))
            ? document
            : throw ApiGatewayErrors.BadRequest("Invalid OpenAPI input.");
}
