using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateDomainName, GetDomainName(s), UpdateDomainName, DeleteDomainName and the base path mappings
// (Create/Get/Update/DeleteBasePathMapping, GetBasePathMappings). HTTP APIs (v2) see the same domains.
internal sealed partial class ApiGatewayEngine
{
    /// <summary>v1's name for the mapping at the domain's root.</summary>
    private const string NoBasePath = "(none)";

    private static readonly string[] DomainNamePatchPaths =
    [
        "/certificateName", "/certificateArn", "/regionalCertificateName", "/regionalCertificateArn", "/securityPolicy",
        "/endpointConfiguration/types/0", "/mutualTlsAuthentication/truststoreUri", "/mutualTlsAuthentication/truststoreVersion",
        "/ownershipVerificationCertificateArn",
    ];

    private static readonly string[] BasePathMappingPatchPaths = ["/basePath", "/restapiId", "/stage"];

    /// <summary>
    /// Registers a custom domain (EDGE by default), AVAILABLE at once, with the DNS target of its
    /// endpoint type. Certificates are stored as named, not checked.
    /// </summary>
    public DomainName CreateDomainName(RequestScope scope, CreateDomainNameRequest request)
    {
        var endpoint = request.EndpointConfiguration is { } given ? ApiGatewayJson.Clone(given) : new EndpointConfiguration();
        endpoint.Types = endpoint.Types is { Count: > 0 } types ? types : ["EDGE"];
        endpoint.IpAddressType ??= "ipv4";
        if (endpoint.Types.Contains("PRIVATE"))
        {
            throw ApiGatewayErrors.Unsupported("private custom domain names (endpoint type PRIVATE)");
        }
        var name = request.DomainName!;
        var hasCertificate = request.CertificateArn is not null || request.CertificateBody is not null || request.RegionalCertificateArn is not null;
        var domain = new DomainName
        {
            DomainNameValue = name,
            DomainNameArn = CustomDomainNames.Arn(scope, name),
            CertificateName = request.CertificateName,
            CertificateArn = request.CertificateArn,
            CertificateUploadDate = hasCertificate ? Now : null,
            RegionalCertificateName = request.RegionalCertificateName,
            RegionalCertificateArn = request.RegionalCertificateArn,
            EndpointConfiguration = endpoint,
            DomainNameStatus = "AVAILABLE",
            SecurityPolicy = request.SecurityPolicy ?? "TLS_1_2",
            EndpointAccessMode = request.EndpointAccessMode,
            Tags = ResourceTags.Initial(request.Tags),
            MutualTlsAuthentication = request.MutualTlsAuthentication is { } tls
                ? new MutualTlsAuthentication { TruststoreUri = tls.TruststoreUri, TruststoreVersion = tls.TruststoreVersion }
                : null,
            OwnershipVerificationCertificateArn = request.OwnershipVerificationCertificateArn,
            RoutingMode = request.RoutingMode,
        };
        CustomDomainNames.AssignTarget(domain, scope.Region, ids);
        return Locked(scope, region =>
        {
            if (region.DomainNames.ContainsKey(name))
            {
                throw ApiGatewayErrors.Conflict("The domain name you provided already exists.");
            }
            region.DomainNames[name] = new CustomDomainState(domain);
            return ApiGatewayJson.Clone(domain);
        });
    }

    public DomainName GetDomainName(RequestScope scope, GetDomainNameRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetDomain(region, request.DomainName).Domain));

    public DomainNames GetDomainNames(RequestScope scope, GetDomainNamesRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.DomainNames.Values.Select(d => ApiGatewayJson.Clone(d.Domain)).ToList(), request.Limit, request.Position);
        return new DomainNames { Items = page, Position = next };
    });

    public DomainName UpdateDomainName(RequestScope scope, UpdateDomainNameRequest request) => Locked(scope, region =>
    {
        var state = GetDomain(region, request.DomainName);
        // Patched on a copy, so a refused patch changes nothing.
        var changed = ApiGatewayJson.Clone(state.Domain);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, DomainNamePatchPaths);
            switch (patch.Path)
            {
                case "/certificateName": changed.CertificateName = patch.Value; break;
                case "/certificateArn": changed.CertificateArn = patch.Value; changed.CertificateUploadDate = Now; break;
                case "/regionalCertificateName": changed.RegionalCertificateName = patch.Value; break;
                case "/regionalCertificateArn": changed.RegionalCertificateArn = patch.Value; changed.CertificateUploadDate = Now; break;
                case "/securityPolicy": changed.SecurityPolicy = patch.Value; break;
                case "/endpointConfiguration/types/0":
                    if (patch.Value is not ("EDGE" or "REGIONAL"))
                    {
                        throw ApiGatewayErrors.BadRequest($"Invalid endpoint configuration type '{patch.Value}'. Must be one of: [EDGE, REGIONAL]");
                    }
                    changed.EndpointConfiguration!.Types = [patch.Value];
                    break;
                case "/mutualTlsAuthentication/truststoreUri":
                    (changed.MutualTlsAuthentication ??= new()).TruststoreUri = patch.Value;
                    break;
                case "/mutualTlsAuthentication/truststoreVersion":
                    (changed.MutualTlsAuthentication ??= new()).TruststoreVersion = patch.Value;
                    break;
                default: changed.OwnershipVerificationCertificateArn = patch.Value; break;
            }
        }
        CustomDomainNames.AssignTarget(changed, region.Scope.Region, ids);
        state.Domain = changed;
        return ApiGatewayJson.Clone(changed);
    });

    /// <summary>Deletes the domain with its mappings.</summary>
    public void DeleteDomainName(RequestScope scope, DeleteDomainNameRequest request) => Locked(scope, region =>
    {
        region.DomainNames.Remove(GetDomain(region, request.DomainName).Name);
    });

    /// <summary>
    /// Maps a base path of the domain (none: the root) to a REST API, at one stage or, without a
    /// stage, at the stage the request's next path segment names.
    /// </summary>
    public BasePathMapping CreateBasePathMapping(RequestScope scope, CreateBasePathMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        var key = BasePathKey(request.BasePath);
        CheckRestApiStage(region, request.RestApiId!, request.Stage);
        if (domain.FindByKey(key) is not null)
        {
            throw ApiGatewayErrors.Conflict("Base path already exists for this domain name");
        }
        var mapping = new DomainMapping { Id = ids.ShortId(), Key = key, ApiId = request.RestApiId!, Stage = request.Stage };
        domain.Mappings.Add(mapping);
        return ToBasePathMapping(mapping);
    });

    public BasePathMapping GetBasePathMapping(RequestScope scope, GetBasePathMappingRequest request) => Locked(scope, region =>
        ToBasePathMapping(GetBasePathMapping(GetDomain(region, request.DomainName), request.BasePath)));

    public BasePathMappings GetBasePathMappings(RequestScope scope, GetBasePathMappingsRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetDomain(region, request.DomainName).Mappings.Select(ToBasePathMapping).ToList(), request.Limit, request.Position);
        return new BasePathMappings { Items = page, Position = next };
    });

    public BasePathMapping UpdateBasePathMapping(RequestScope scope, UpdateBasePathMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        var mapping = GetBasePathMapping(domain, request.BasePath);
        var (key, apiId, stage) = (mapping.Key, mapping.ApiId, mapping.Stage);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, BasePathMappingPatchPaths);
            switch (patch.Path)
            {
                case "/basePath": key = BasePathKey(patch.Value); break;
                case "/restapiId": apiId = patch.Value ?? ""; break;
                default: stage = string.IsNullOrEmpty(patch.Value) ? null : patch.Value; break;
            }
        }
        CheckRestApiStage(region, apiId, stage);
        if (key != mapping.Key && domain.FindByKey(key) is not null)
        {
            throw ApiGatewayErrors.Conflict("Base path already exists for this domain name");
        }
        (mapping.Key, mapping.ApiId, mapping.Stage) = (key, apiId, stage);
        return ToBasePathMapping(mapping);
    });

    public void DeleteBasePathMapping(RequestScope scope, DeleteBasePathMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        domain.Mappings.Remove(GetBasePathMapping(domain, request.BasePath));
    });

    private static CustomDomainState GetDomain(ApiGatewayRegion region, string? name) =>
        CustomDomainNames.Find(region, name) ?? throw ApiGatewayErrors.NotFound("Invalid domain name identifier specified");

    private static DomainMapping GetBasePathMapping(CustomDomainState domain, string? basePath) =>
        domain.FindByKey(basePath is null or NoBasePath ? "" : basePath)
            ?? throw ApiGatewayErrors.NotFound("Invalid base path mapping identifier specified");

    /// <summary>A v1 base path as a mapping key: one segment, or empty (<c>(none)</c>) for the root.</summary>
    private static string BasePathKey(string? basePath)
    {
        if (string.IsNullOrEmpty(basePath) || basePath == NoBasePath)
        {
            return "";
        }
        if (basePath.Contains('/', StringComparison.Ordinal))
        {
            throw ApiGatewayErrors.BadRequest(
                "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2.");
        }
        return basePath;
    }

    /// <summary>A base path mapping names a REST API of the region and, when it names one, an existing stage.</summary>
    private static void CheckRestApiStage(ApiGatewayRegion region, string apiId, string? stage)
    {
        if (!region.RestApis.TryGetValue(apiId, out var api))
        {
            throw ApiGatewayErrors.BadRequest("Invalid REST API identifier specified");
        }
        if (stage is not null && !api.Stages.ContainsKey(stage))
        {
            throw ApiGatewayErrors.BadRequest("Invalid stage identifier specified");
        }
    }

    private static BasePathMapping ToBasePathMapping(DomainMapping mapping) =>
        new() { BasePath = mapping.Key.Length == 0 ? NoBasePath : mapping.Key, RestApiId = mapping.ApiId, Stage = mapping.Stage };
}
