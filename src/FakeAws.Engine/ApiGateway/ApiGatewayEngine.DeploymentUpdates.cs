using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// UpdateDeployment: a deployment's description is all that changes; what it froze stays frozen.
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] DeploymentPatchPaths = ["/description"];

    public Deployment UpdateDeployment(RequestScope scope, UpdateDeploymentRequest request) => Locked(scope, region =>
    {
        var deployment = GetDeployment(GetApi(region, request.RestApiId), request.DeploymentId).Deployment;
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, DeploymentPatchPaths);
            deployment.Description = patch.Value;
        }
        return ApiGatewayJson.Clone(deployment);
    });
}
