using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// A copy of everything an import may change in a REST API, so a PutRestApi that fails leaves the API
/// as it was: AWS discards the new definition on an error, and on a warning with failonwarnings.
/// </summary>
internal sealed class RestApiDefinition
{
    private readonly RestApi _api;
    private readonly List<(RestResource Resource, Dictionary<string, Method> Methods)> _resources;
    private readonly Dictionary<string, Authorizer> _authorizers;
    private readonly Dictionary<string, Model.Model> _models;
    private readonly Dictionary<string, RequestValidator> _validators;
    private readonly Dictionary<string, Model.GatewayResponse> _gatewayResponses;
    private readonly Dictionary<string, DocumentationPart> _documentationParts;

    public RestApiDefinition(RestApiState state)
    {
        _api = ApiGatewayJson.Clone(state.Api);
        _resources = [.. state.Resources.Values.Select(r => (r, r.Methods.ToDictionary(m => m.Key, m => ApiGatewayJson.Clone(m.Value))))];
        _authorizers = Copy(state.Authorizers);
        _models = Copy(state.Models);
        _validators = Copy(state.Validators);
        _gatewayResponses = Copy(state.GatewayResponses);
        _documentationParts = Copy(state.DocumentationParts);
    }

    /// <summary>Puts <paramref name="state"/> back as it was when this copy was taken.</summary>
    public void Restore(RestApiState state)
    {
        state.Api.Name = _api.Name;
        state.Api.Description = _api.Description;
        state.Api.Version = _api.Version;
        state.Api.ApiKeySource = _api.ApiKeySource;
        state.Api.Policy = _api.Policy;
        state.Api.BinaryMediaTypes = _api.BinaryMediaTypes;
        state.Api.MinimumCompressionSize = _api.MinimumCompressionSize;
        state.Resources.Clear();
        foreach (var (resource, methods) in _resources)
        {
            resource.Methods.Clear();
            foreach (var (verb, method) in methods)
            {
                resource.Methods[verb] = method;
            }
            state.Resources[resource.Id] = resource;
        }
        Refill(state.Authorizers, _authorizers);
        Refill(state.Models, _models);
        Refill(state.Validators, _validators);
        Refill(state.GatewayResponses, _gatewayResponses);
        Refill(state.DocumentationParts, _documentationParts);
    }

    private static Dictionary<string, T> Copy<T>(Dictionary<string, T> source) where T : class =>
        source.ToDictionary(p => p.Key, p => ApiGatewayJson.Clone(p.Value), StringComparer.Ordinal);

    /// <summary>Replaces the entries of <paramref name="target"/> with <paramref name="saved"/>.</summary>
    public static void Refill<T>(Dictionary<string, T> target, IEnumerable<KeyValuePair<string, T>> saved)
    {
        target.Clear();
        foreach (var (key, value) in saved)
        {
            target[key] = value;
        }
    }
}
