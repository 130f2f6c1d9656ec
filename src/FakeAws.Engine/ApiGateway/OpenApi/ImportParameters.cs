namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// The <c>parameters</c> of ImportRestApi and PutRestApi: <c>endpointConfigurationTypes</c> (EDGE,
/// REGIONAL or PRIVATE), <c>basepath</c> (ignore, prepend or split) and <c>ignore=documentation</c>.
/// </summary>
internal sealed record ImportParameters(string? EndpointType, string BasePath, bool IgnoreDocumentation)
{
    private static readonly string[] EndpointTypes = ["EDGE", "REGIONAL", "PRIVATE"];

    private static readonly string[] BasePathModes = ["ignore", "prepend", "split"];

    public static ImportParameters Read(Dictionary<string, string>? parameters)
    {
        var endpoint = parameters?.GetValueOrDefault("endpointConfigurationTypes");
        if (endpoint is not null && !EndpointTypes.Contains(endpoint))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid endpoint configuration type specified: {endpoint}. Valid values are EDGE, REGIONAL, PRIVATE");
        }
        var basePath = parameters?.GetValueOrDefault("basepath") ?? "ignore";
        if (!BasePathModes.Contains(basePath))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid basepath mode specified: {basePath}. Valid values are ignore, prepend, split");
        }
        return new ImportParameters(endpoint, basePath, parameters?.GetValueOrDefault("ignore") == "documentation");
    }

    /// <summary>
    /// The prefix a definition's paths get from its base path: none when ignored; all of it with
    /// prepend; with split, what follows the base path's first segment (<c>/v1/api</c> gives <c>/api</c>).
    /// </summary>
    public string Prefix(string? definitionBasePath)
    {
        var trimmed = (definitionBasePath ?? "").Trim('/');
        return BasePath switch
        {
            "prepend" when trimmed.Length > 0 => "/" + trimmed,
            "split" when trimmed.IndexOf('/') is var slash and > 0 => "/" + trimmed[(slash + 1)..],
            _ => "",
        };
    }
}
