using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// GenerateClientCertificate, GetClientCertificate(s), UpdateClientCertificate, DeleteClientCertificate.
internal sealed partial class ApiGatewayEngine
{
    /// <summary>API Gateway's client certificates are valid for 365 days.</summary>
    private static readonly TimeSpan ClientCertificateLifetime = TimeSpan.FromDays(365);

    private static readonly string[] ClientCertificatePatchPaths = ["/description"];

    /// <summary>A real self-signed RSA certificate (its PEM), valid from now on the virtual clock for 365 days.</summary>
    public ClientCertificate GenerateClientCertificate(RequestScope scope, GenerateClientCertificateRequest request)
    {
        var id = ids.ShortId();
        var now = Now;
        using var key = RSA.Create(2048);
        var certificateRequest = new CertificateRequest($"CN={id}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = certificateRequest.CreateSelfSigned(now, now + ClientCertificateLifetime);
        var created = new ClientCertificate
        {
            ClientCertificateId = id,
            Description = request.Description,
            PemEncodedCertificate = certificate.ExportCertificatePem() + "\n",
            CreatedDate = now,
            ExpirationDate = now + ClientCertificateLifetime,
            Tags = ResourceTags.Initial(request.Tags),
        };
        return Locked(scope, region =>
        {
            region.ClientCertificates[id] = created;
            return ApiGatewayJson.Clone(created);
        });
    }

    public ClientCertificate GetClientCertificate(RequestScope scope, GetClientCertificateRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetClientCertificate(region, request.ClientCertificateId)));

    public ClientCertificates GetClientCertificates(RequestScope scope, GetClientCertificatesRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.ClientCertificates.Values.Select(ApiGatewayJson.Clone).ToList(), request.Limit, request.Position);
        return new ClientCertificates { Items = page, Position = next };
    });

    public ClientCertificate UpdateClientCertificate(RequestScope scope, UpdateClientCertificateRequest request) => Locked(scope, region =>
    {
        var certificate = GetClientCertificate(region, request.ClientCertificateId);
        var description = certificate.Description;
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ClientCertificatePatchPaths);
            description = patch.Value;
        }
        certificate.Description = description;
        return ApiGatewayJson.Clone(certificate);
    });

    public void DeleteClientCertificate(RequestScope scope, DeleteClientCertificateRequest request) => Locked(scope, region =>
    {
        GetClientCertificate(region, request.ClientCertificateId);
        region.ClientCertificates.Remove(request.ClientCertificateId!);
    });

    private static ClientCertificate GetClientCertificate(ApiGatewayRegion region, string? id) =>
        id is not null && region.ClientCertificates.TryGetValue(id, out var certificate)
            ? certificate
            : throw ApiGatewayErrors.NotFound("Invalid Client Certificate identifier specified");
}
