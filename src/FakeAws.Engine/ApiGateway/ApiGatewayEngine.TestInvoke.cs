using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// TestInvokeMethod and TestInvokeAuthorizer: the API as it is now, not deployed, run by the data plane.
internal sealed partial class ApiGatewayEngine
{
    public async Task<TestInvokeMethodResponse> TestInvokeMethod(RequestScope scope, TestInvokeMethodRequest request)
    {
        var (region, snapshot, resource) = Locked(scope, region =>
        {
            var (api, resource) = GetMethodResource(region, request.RestApiId, request.ResourceId);
            var method = GetMethod(resource, request.HttpMethod);
            if (method.MethodIntegration is null)
            {
                throw ApiGatewayErrors.BadRequest("No integration defined for method");
            }
            // What a deployment would freeze, frozen now: later edits do not change a running test.
            var snapshot = Freeze(api, deploymentId: "");
            return (region, snapshot, snapshot.Resources.First(r => r.Id == request.ResourceId));
        });
        return await invoker.TestInvokeMethodAsync(region, snapshot, resource, request.HttpMethod!, request).ConfigureAwait(false);
    }

    public async Task<TestInvokeAuthorizerResponse> TestInvokeAuthorizer(RequestScope scope, TestInvokeAuthorizerRequest request)
    {
        var (region, authorizer) = Locked(scope, region =>
            (region, ApiGatewayJson.Clone(GetAuthorizer(GetApi(region, request.RestApiId), request.AuthorizerId))));
        return await invoker.TestInvokeAuthorizerAsync(region, authorizer, request).ConfigureAwait(false);
    }
}
