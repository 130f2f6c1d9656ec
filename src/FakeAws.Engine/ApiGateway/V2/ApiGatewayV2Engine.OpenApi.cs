using System.Text;
using FakeAws.Engine.ApiGateway.OpenApi;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// ImportApi, ReimportApi, ExportApi.
internal sealed partial class ApiGatewayV2Engine
{
    public ImportApiResponse ImportApi(RequestScope scope, ImportApiRequest request)
    {
        var document = HttpApiImporter.Read(request.Body);
        var created = CreateApi(scope, new CreateApiRequest { Name = OpenApiImporter.Title(document), ProtocolType = "HTTP" });
        try
        {
            var warnings = Imported(scope, created.ApiId!, document, request.Basepath, request.FailOnWarnings == true);
            var result = Locked(scope, region => ApiGatewayJson.Convert<ImportApiResponse>(GetApi(region, created.ApiId).Api));
            result.Warnings = warnings.Count > 0 ? warnings : null;
            return result;
        }
        catch
        {
            // An import that fails leaves no API behind.
            Locked(scope, region => region.HttpApis.Remove(created.ApiId!));
            throw;
        }
    }

    public ReimportApiResponse ReimportApi(RequestScope scope, ReimportApiRequest request)
    {
        var document = HttpApiImporter.Read(request.Body);
        return Locked(scope, region =>
        {
            var api = GetApi(region, request.ApiId);
            if (api.IsWebSocket)
            {
                throw ApiGatewayErrors.BadRequest("Reimporting a WebSocket API is not supported.");
            }
            // A reimport replaces the API's routes, integrations and authorizers with the file's.
            var saved = (Routes: api.Routes.ToList(), Integrations: api.Integrations.ToList(), Authorizers: api.Authorizers.ToList(), Api: ApiGatewayJson.Clone(api.Api));
            api.Routes.Clear();
            api.Integrations.Clear();
            api.Authorizers.Clear();
            try
            {
                var warnings = Imported(scope, api.Api.ApiId!, document, request.Basepath, request.FailOnWarnings == true);
                var result = ApiGatewayJson.Convert<ReimportApiResponse>(api.Api);
                result.Warnings = warnings.Count > 0 ? warnings : null;
                return result;
            }
            catch (AwsServiceException)
            {
                RestApiDefinition.Refill(api.Routes, saved.Routes);
                RestApiDefinition.Refill(api.Integrations, saved.Integrations);
                RestApiDefinition.Refill(api.Authorizers, saved.Authorizers);
                (api.Api.Name, api.Api.Description, api.Api.Version, api.Api.CorsConfiguration) =
                    (saved.Api.Name, saved.Api.Description, saved.Api.Version, saved.Api.CorsConfiguration);
                throw;
            }
        });
    }

    public ExportApiResponse ExportApi(RequestScope scope, ExportApiRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        if (api.IsWebSocket)
        {
            throw ApiGatewayErrors.BadRequest("Exporting WebSocket APIs is not supported.");
        }
        if (request.ExportVersion is not (null or "1.0"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid export version specified: {request.ExportVersion}");
        }
        var extensions = request.IncludeExtensions ?? true;
        var document = request.StageName is { } stageName
            ? ExportStage(api, stageName, extensions)
            : HttpApiExporter.Export(api.Api, api.Routes.Values, api.Integrations, api.Authorizers, api.Api.CorsConfiguration, null, extensions);
        var text = request.OutputType == "YAML" ? OpenApiDocuments.ToYaml(document) : OpenApiDocuments.ToJson(document);
        return new ExportApiResponse { Body = Encoding.UTF8.GetBytes(text) };
    });

    /// <summary>The type of one of the API's authorizers, for the route an import makes.</summary>
    internal string? AuthorizerType(RequestScope scope, string apiId, string authorizerId) => Locked(scope, region =>
        GetApi(region, apiId).Authorizers.GetValueOrDefault(authorizerId)?.AuthorizerType);

    private static System.Text.Json.Nodes.JsonObject ExportStage(HttpApiState api, string stageName, bool extensions)
    {
        if (!api.Stages.TryGetValue(stageName, out var stage))
        {
            throw ApiGatewayErrors.V2StageNotFound(stageName);
        }
        if (stage.DeploymentId is null || !api.Deployments.TryGetValue(stage.DeploymentId, out var deployment))
        {
            throw ApiGatewayErrors.BadRequest($"Stage {stageName} has no deployment to export.");
        }
        var frozen = deployment.Snapshot;
        return HttpApiExporter.Export(api.Api, frozen.Routes, frozen.Integrations, frozen.Authorizers, frozen.Cors, stageName, extensions);
    }

    private List<string> Imported(RequestScope scope, string apiId, System.Text.Json.Nodes.JsonObject document, string? basePath, bool failOnWarnings)
    {
        var warnings = new HttpApiImporter(this, scope, apiId, document, basePath).Import();
        if (warnings.Count > 0 && failOnWarnings)
        {
            throw ApiGatewayErrors.BadRequest($"Warnings found during import:\n\t{string.Join("\n\t", warnings)}");
        }
        return warnings;
    }
}
