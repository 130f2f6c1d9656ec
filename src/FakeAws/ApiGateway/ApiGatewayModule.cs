using FakeAws.Engine.Core;
using FakeAws.Cloud;
using FakeAws.Cognito;
using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// API Gateway: REST (v1), HTTP and WebSocket (v2) APIs' management front doors, the deployed APIs
/// themselves (execute-api) and WebSocket APIs' @connections API (apigatewaymanagementapi). Authorizers trust the cloud's Cognito user pools; integrations invoke
/// functions through the cloud's service calls.
/// </summary>
internal sealed class ApiGatewayModule : ServiceModule
{
    public ApiGatewayModule(FakeAwsCloud cloud, CognitoModule cognito, WireRoute executeApi)
    {
        Helper = new ApiGatewayHelper(cloud, executeApi);
        Helper.Issuers.Add(new CognitoJwksSource(cognito.UserPools, cloud.Context.AccountId));
        FrontDoors = [Helper.Wire, Helper.WireV2, Helper.ExecuteApi, Helper.Connections];
    }

    /// <summary>What a test reaches as <c>aws.ApiGateway</c>.</summary>
    public ApiGatewayHelper Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes(WireRoute executeApi) =>
        [ApiGatewayWireService.Routing, ApiGatewayV2WireService.Routing, executeApi, WebSocket.ConnectionsWireService.Routing];

    // Both management APIs keep their APIs in one store; WebSocket connections end with them.
    public override void Reset()
    {
        Helper.WebSockets.CloseAll();
        Helper.Store.Clear();
    }

    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("apigateway", Helper.Store.State)];
}
