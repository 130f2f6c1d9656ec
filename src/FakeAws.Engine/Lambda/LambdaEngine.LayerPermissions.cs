using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Layers;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Engine.Lambda.Policies;

namespace FakeAws.Engine.Lambda;

// AddLayerVersionPermission, RemoveLayerVersionPermission and GetLayerVersionPolicy: who may use a layer version.
internal sealed partial class LambdaEngine
{
    public AddLayerVersionPermissionResponse AddLayerVersionPermission(RequestScope scope, AddLayerVersionPermissionRequest request)
    {
        var (region, version) = LayerVersionFor(scope, request.LayerName!, request.VersionNumber!.Value);
        lock (region.Gate)
        {
            var policy = version.Policy ?? new ResourcePolicy { RevisionId = NewRevisionId() };
            if (request.RevisionId is not null && request.RevisionId != policy.RevisionId)
            {
                throw LambdaErrors.RevisionMismatch("GetLayerPolicy");
            }
            var statement = PermissionStatements.Build(request.StatementId!, request.Action!, request.Principal!, version.Arn,
                new PermissionConditions(PrincipalOrgId: request.OrganizationId));
            policy.Add(statement);
            policy.RevisionId = NewRevisionId();
            version.Policy = policy;
            return new AddLayerVersionPermissionResponse { Statement = ResourcePolicy.Render(statement), RevisionId = policy.RevisionId };
        }
    }

    public void RemoveLayerVersionPermission(RequestScope scope, RemoveLayerVersionPermissionRequest request)
    {
        var (region, version) = LayerVersionFor(scope, request.LayerName!, request.VersionNumber!.Value);
        lock (region.Gate)
        {
            var policy = version.Policy ?? throw LambdaErrors.NotFound("No policy is associated with the given resource.");
            if (request.RevisionId is not null && request.RevisionId != policy.RevisionId)
            {
                throw LambdaErrors.RevisionMismatch("GetLayerPolicy");
            }
            policy.Remove(request.StatementId!);
            policy.RevisionId = NewRevisionId();
        }
    }

    public GetLayerVersionPolicyResponse GetLayerVersionPolicy(RequestScope scope, GetLayerVersionPolicyRequest request)
    {
        var (region, version) = LayerVersionFor(scope, request.LayerName!, request.VersionNumber!.Value);
        lock (region.Gate)
        {
            return version.Policy is { } policy
                ? new GetLayerVersionPolicyResponse { Policy = policy.Document(), RevisionId = policy.RevisionId }
                : throw LambdaErrors.NotFound("No policy is associated with the given resource.");
        }
    }

    /// <summary>The layer version a permission request names; a missing one is named by its ARN in AWS's error.</summary>
    private (LambdaRegion Region, LayerVersion Version) LayerVersionFor(RequestScope scope, string layerName, long number)
    {
        var reference = LayerArns.Parse(scope, layerName);
        var region = LayerRegion(reference);
        lock (region.Gate)
        {
            return region.Layers.TryGetValue(reference.Name, out var layer) && layer.Versions.TryGetValue(number, out var version)
                ? (region, version)
                : throw LambdaErrors.LayerVersionNotFound($"{LayerArns.Layer(new RequestScope(reference.Account, reference.Region), reference.Name)}:{number}");
        }
    }
}
