using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway;

/// <summary>One REST API (v1) as the management API edits it; deployments freeze copies of it.</summary>
internal sealed class RestApiState(RestApi api)
{
    public RestApi Api { get; } = api;

    /// <summary>Resources by id, in creation order (the root first).</summary>
    public Dictionary<string, RestResource> Resources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Authorizer> Authorizers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RestDeployment> Deployments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Stage> Stages { get; } = new(StringComparer.Ordinal);

    /// <summary>Models by name, in creation order: every API starts with API Gateway's Empty and Error models.</summary>
    public Dictionary<string, Model.Model> Models { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RequestValidator> Validators { get; } = new(StringComparer.Ordinal);

    /// <summary>The gateway responses the API customised, by response type.</summary>
    public Dictionary<string, Model.GatewayResponse> GatewayResponses { get; } = new(StringComparer.Ordinal);

    /// <summary>Documentation parts by id, in creation order.</summary>
    public Dictionary<string, DocumentationPart> DocumentationParts { get; } = new(StringComparer.Ordinal);

    /// <summary>Published documentation versions by version identifier, in creation order.</summary>
    public Dictionary<string, DocumentationSnapshot> DocumentationVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The API is PRIVATE: only callable through a VPC endpoint.</summary>
    public bool IsPrivate => Api.EndpointConfiguration?.Types?.Contains("PRIVATE") == true;
}

/// <summary>A published documentation version: its description and the parts as they were when it was made.</summary>
internal sealed class DocumentationSnapshot(DocumentationVersion version, IReadOnlyList<DocumentationPart> parts)
{
    public DocumentationVersion Version { get; } = version;

    public IReadOnlyList<DocumentationPart> Parts { get; } = parts;
}

/// <summary>A resource of a REST API: one path part under its parent, with its methods.</summary>
internal sealed class RestResource(string id, string? parentId, string? pathPart, string path)
{
    public string Id { get; } = id;

    /// <summary>The parent's id (UpdateResource may move the resource); null for the root.</summary>
    public string? ParentId { get; set; } = parentId;

    /// <summary>The last segment of the path: a literal, <c>{param}</c> or <c>{proxy+}</c>; null for the root.</summary>
    public string? PathPart { get; set; } = pathPart;

    /// <summary>The full path, such as <c>/items/{id}</c>; <c>/</c> for the root.</summary>
    public string Path { get; set; } = path;

    /// <summary>Methods by HTTP method (GET, POST, ..., ANY), in the order they were put.</summary>
    public Dictionary<string, Method> Methods { get; } = new(StringComparer.Ordinal);
}

/// <summary>A deployment: its description and the frozen API its stages serve.</summary>
internal sealed class RestDeployment(Deployment deployment, RestApiSnapshot snapshot)
{
    public Deployment Deployment { get; } = deployment;

    public RestApiSnapshot Snapshot { get; } = snapshot;
}

/// <summary>
/// What a deployment froze: the resources with their methods and integrations, the authorizers and
/// the API settings the data plane reads. Later edits reach callers only with the next deployment.
/// </summary>
internal sealed record RestApiSnapshot(
    string DeploymentId,
    IReadOnlyList<DeployedResource> Resources,
    IReadOnlyDictionary<string, Authorizer> Authorizers,
    string ApiKeySource,
    bool IsPrivate,
    string? Policy,
    IReadOnlyList<string> BinaryMediaTypes)
{
    /// <summary>The models, by name, request bodies are validated against.</summary>
    public IReadOnlyDictionary<string, Model.Model> Models { get; init; } = new Dictionary<string, Model.Model>();

    public IReadOnlyDictionary<string, RequestValidator> Validators { get; init; } = new Dictionary<string, RequestValidator>();

    /// <summary>The gateway responses the API customised, by response type.</summary>
    public IReadOnlyDictionary<string, Model.GatewayResponse> GatewayResponses { get; init; } = new Dictionary<string, Model.GatewayResponse>();
}

/// <summary>A resource as a deployment froze it.</summary>
internal sealed record DeployedResource(string Id, string? ParentId, string? PathPart, string Path, IReadOnlyDictionary<string, Method> Methods);

/// <summary>A usage plan and the API keys added to it.</summary>
internal sealed class UsagePlanState(UsagePlan plan)
{
    public UsagePlan Plan { get; } = plan;

    /// <summary>The ids of the plan's API keys, in the order they were added.</summary>
    public List<string> KeyIds { get; } = [];
}
