using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// UpdateDeployment: a deployment's description is all that changes; what it froze stays frozen.
internal sealed partial class ApiGatewayV2Engine
{
    public UpdateDeploymentResponse UpdateDeployment(RequestScope scope, UpdateDeploymentRequest request) => Locked(scope, region =>
    {
        var deployment = GetDeployment(GetApi(region, request.ApiId), request.DeploymentId).Deployment;
        deployment.Description = request.Description ?? deployment.Description;
        return ApiGatewayJson.Convert<UpdateDeploymentResponse>(deployment);
    });
}
