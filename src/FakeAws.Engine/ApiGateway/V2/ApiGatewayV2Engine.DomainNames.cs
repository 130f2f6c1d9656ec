using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;
using V1 = FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateDomainName, GetDomainName(s), UpdateDomainName, DeleteDomainName and the API mappings
// (Create/Get/Update/DeleteApiMapping, GetApiMappings). The domains are v1's: one resource, two views.
internal sealed partial class ApiGatewayV2Engine
{
    public CreateDomainNameResponse CreateDomainName(RequestScope scope, CreateDomainNameRequest request)
    {
        var name = request.DomainName!;
        var configuration = request.DomainNameConfigurations is [var first, ..] ? first : new DomainNameConfiguration();
        var domain = new V1.DomainName
        {
            DomainNameValue = name,
            DomainNameArn = CustomDomainNames.Arn(scope, name),
            DomainNameStatus = "AVAILABLE",
            EndpointConfiguration = new V1.EndpointConfiguration { IpAddressType = configuration.IpAddressType ?? "ipv4" },
            Tags = ResourceTags.Initial(request.Tags),
            MutualTlsAuthentication = request.MutualTlsAuthentication is { } tls
                ? new V1.MutualTlsAuthentication { TruststoreUri = tls.TruststoreUri, TruststoreVersion = tls.TruststoreVersion }
                : null,
            RoutingMode = request.RoutingMode,
        };
        Configure(domain, configuration, scope.Region);
        return Locked(scope, region =>
        {
            if (region.DomainNames.ContainsKey(name))
            {
                throw ApiGatewayErrors.Conflict("The domain name resource already exists.");
            }
            region.DomainNames[name] = new CustomDomainState(domain);
            return ApiGatewayJson.Convert<CreateDomainNameResponse>(ToV2(domain));
        });
    }

    public GetDomainNameResponse GetDomainName(RequestScope scope, GetDomainNameRequest request) => Locked(scope, region =>
        ApiGatewayJson.Convert<GetDomainNameResponse>(ToV2(GetDomain(region, request.DomainName).Domain)));

    public GetDomainNamesResponse GetDomainNames(RequestScope scope, GetDomainNamesRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.DomainNames.Values.Select(d => ToV2(d.Domain)).ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetDomainNamesResponse { Items = page, NextToken = next };
    });

    /// <summary>Replaces the endpoint's certificate, security policy or type, and the mutual TLS truststore, where given.</summary>
    public UpdateDomainNameResponse UpdateDomainName(RequestScope scope, UpdateDomainNameRequest request) => Locked(scope, region =>
    {
        var state = GetDomain(region, request.DomainName);
        var changed = ApiGatewayJson.Clone(state.Domain);
        if (request.DomainNameConfigurations is [var configuration, ..])
        {
            Configure(changed, configuration, region.Scope.Region);
        }
        if (request.MutualTlsAuthentication is { } tls)
        {
            changed.MutualTlsAuthentication = new V1.MutualTlsAuthentication { TruststoreUri = tls.TruststoreUri, TruststoreVersion = tls.TruststoreVersion };
        }
        changed.RoutingMode = request.RoutingMode ?? changed.RoutingMode;
        state.Domain = changed;
        return ApiGatewayJson.Convert<UpdateDomainNameResponse>(ToV2(changed));
    });

    public void DeleteDomainName(RequestScope scope, DeleteDomainNameRequest request) => Locked(scope, region =>
    {
        region.DomainNames.Remove(GetDomain(region, request.DomainName).Name);
    });

    /// <summary>Maps a key of the domain (empty: the root; several segments allowed) to a stage of a REST or HTTP API.</summary>
    public CreateApiMappingResponse CreateApiMapping(RequestScope scope, CreateApiMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        var key = MappingKey(request.ApiMappingKey);
        CheckApiStage(region, request.ApiId!, request.Stage!);
        if (domain.FindByKey(key) is not null)
        {
            throw ApiGatewayErrors.Conflict($"ApiMapping key already exists for this domain name: '{key}'");
        }
        var mapping = new DomainMapping { Id = ids.ShortId(), Key = key, ApiId = request.ApiId!, Stage = request.Stage };
        domain.Mappings.Add(mapping);
        return ApiGatewayJson.Convert<CreateApiMappingResponse>(ToV2(mapping));
    });

    public GetApiMappingResponse GetApiMapping(RequestScope scope, GetApiMappingRequest request) => Locked(scope, region =>
        ApiGatewayJson.Convert<GetApiMappingResponse>(ToV2(GetApiMapping(GetDomain(region, request.DomainName), request.ApiMappingId))));

    public GetApiMappingsResponse GetApiMappings(RequestScope scope, GetApiMappingsRequest request) => Locked(scope, region =>
    {
        var mappings = GetDomain(region, request.DomainName).Mappings.Select(ToV2).ToList();
        var (page, next) = Paging.Page(mappings, MaxResults(request.MaxResults), request.NextToken);
        return new GetApiMappingsResponse { Items = page, NextToken = next };
    });

    public UpdateApiMappingResponse UpdateApiMapping(RequestScope scope, UpdateApiMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        var mapping = GetApiMapping(domain, request.ApiMappingId);
        var key = request.ApiMappingKey is { } given ? MappingKey(given) : mapping.Key;
        var stage = request.Stage ?? mapping.Stage!;
        CheckApiStage(region, request.ApiId!, stage);
        if (key != mapping.Key && domain.FindByKey(key) is not null)
        {
            throw ApiGatewayErrors.Conflict($"ApiMapping key already exists for this domain name: '{key}'");
        }
        (mapping.Key, mapping.ApiId, mapping.Stage) = (key, request.ApiId!, stage);
        return ApiGatewayJson.Convert<UpdateApiMappingResponse>(ToV2(mapping));
    });

    public void DeleteApiMapping(RequestScope scope, DeleteApiMappingRequest request) => Locked(scope, region =>
    {
        var domain = GetDomain(region, request.DomainName);
        domain.Mappings.Remove(GetApiMapping(domain, request.ApiMappingId));
    });

    private static CustomDomainState GetDomain(ApiGatewayRegion region, string? name) =>
        CustomDomainNames.Find(region, name)
            ?? throw ApiGatewayErrors.V2NotFound("DomainName", "The domain name resource specified in the request was not found.");

    private static DomainMapping GetApiMapping(CustomDomainState domain, string? id) =>
        domain.Mappings.Find(m => m.Id == id)
            ?? throw ApiGatewayErrors.V2NotFound("ApiMapping", "The api mapping resource specified in the request was not found.");

    /// <summary>An API mapping key: empty for the root, or segments joined by single slashes, with none at either end.</summary>
    private static string MappingKey(string? key)
    {
        key ??= "";
        if (key.StartsWith('/') || key.Contains("//", StringComparison.Ordinal))
        {
            throw ApiGatewayErrors.BadRequest("API mapping key should not start with a '/' or have consecutive '/'s.");
        }
        if (key.EndsWith('/'))
        {
            throw ApiGatewayErrors.BadRequest("API mapping key should not end with a '/'.");
        }
        return key;
    }

    /// <summary>An API mapping names a REST or HTTP API of the region and one of its stages.</summary>
    private static void CheckApiStage(ApiGatewayRegion region, string apiId, string stage)
    {
        if (!region.RestApis.ContainsKey(apiId) && !region.HttpApis.ContainsKey(apiId))
        {
            throw ApiGatewayErrors.V2ApiNotFound(apiId);
        }
        if (!CustomDomainNames.HasStage(region, apiId, stage))
        {
            throw ApiGatewayErrors.BadRequest("Invalid stage identifier specified");
        }
    }

    /// <summary>Applies a v2 endpoint configuration (REGIONAL unless it says EDGE) to the v1 record.</summary>
    private void Configure(V1.DomainName domain, DomainNameConfiguration configuration, string region)
    {
        var type = configuration.EndpointType ?? domain.EndpointConfiguration?.Types?.FirstOrDefault() ?? "REGIONAL";
        domain.EndpointConfiguration ??= new V1.EndpointConfiguration();
        domain.EndpointConfiguration.Types = [type];
        if (configuration.IpAddressType is { } ipAddressType)
        {
            domain.EndpointConfiguration.IpAddressType = ipAddressType;
        }
        if (configuration.CertificateArn is not null)
        {
            domain.CertificateUploadDate = Now;
        }
        if (type == "REGIONAL")
        {
            domain.RegionalCertificateArn = configuration.CertificateArn ?? domain.RegionalCertificateArn;
            domain.RegionalCertificateName = configuration.CertificateName ?? domain.RegionalCertificateName;
        }
        else
        {
            domain.CertificateArn = configuration.CertificateArn ?? domain.CertificateArn;
            domain.CertificateName = configuration.CertificateName ?? domain.CertificateName;
        }
        domain.SecurityPolicy = configuration.SecurityPolicy ?? domain.SecurityPolicy ?? "TLS_1_2";
        domain.OwnershipVerificationCertificateArn = configuration.OwnershipVerificationCertificateArn ?? domain.OwnershipVerificationCertificateArn;
        CustomDomainNames.AssignTarget(domain, region, ids);
    }

    /// <summary>The v2 view of a domain: one configuration, for its endpoint.</summary>
    private static DomainName ToV2(V1.DomainName domain)
    {
        var regional = domain.EndpointConfiguration?.Types is ["REGIONAL", ..];
        return new DomainName
        {
            ApiMappingSelectionExpression = "$request.basepath",
            DomainNameValue = domain.DomainNameValue,
            DomainNameArn = domain.DomainNameArn,
            DomainNameConfigurations =
            [
                new DomainNameConfiguration
                {
                    ApiGatewayDomainName = regional ? domain.RegionalDomainName : domain.DistributionDomainName,
                    CertificateArn = regional ? domain.RegionalCertificateArn : domain.CertificateArn,
                    CertificateName = regional ? domain.RegionalCertificateName : domain.CertificateName,
                    CertificateUploadDate = domain.CertificateUploadDate,
                    DomainNameStatus = domain.DomainNameStatus,
                    DomainNameStatusMessage = domain.DomainNameStatusMessage,
                    EndpointType = regional ? "REGIONAL" : "EDGE",
                    HostedZoneId = regional ? domain.RegionalHostedZoneId : domain.DistributionHostedZoneId,
                    IpAddressType = domain.EndpointConfiguration?.IpAddressType,
                    SecurityPolicy = domain.SecurityPolicy,
                    OwnershipVerificationCertificateArn = domain.OwnershipVerificationCertificateArn,
                },
            ],
            MutualTlsAuthentication = domain.MutualTlsAuthentication is { } tls
                ? new MutualTlsAuthentication { TruststoreUri = tls.TruststoreUri, TruststoreVersion = tls.TruststoreVersion }
                : null,
            RoutingMode = domain.RoutingMode,
            Tags = domain.Tags is { } tags ? new(tags) : null,
        };
    }

    private static ApiMapping ToV2(DomainMapping mapping) =>
        new() { ApiId = mapping.ApiId, ApiMappingId = mapping.Id, ApiMappingKey = mapping.Key, Stage = mapping.Stage };
}
