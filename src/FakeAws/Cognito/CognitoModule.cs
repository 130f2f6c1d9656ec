using FakeAws.Engine.Core;
using FakeAws.Cloud;
using FakeAws.Engine.Cognito;
using FakeAws.Engine.Cognito.Identity;
using FakeAws.Protocol;

namespace FakeAws.Cognito;

/// <summary>
/// Cognito: user pools and identity pools, their two awsJson front doors, and the pools' JWKS and
/// OpenID discovery paths. Triggers run through the cloud's service calls.
/// </summary>
internal sealed class CognitoModule : ServiceModule
{
    public CognitoModule(FakeAwsCloud cloud, WireRoute domains)
    {
        UserPools = new CognitoIdentityProviderEngine(cloud.Context);
        IdentityPools = new CognitoIdentityEngine(cloud.Context, UserPools);
        Helper = new FakeCognito(cloud, UserPools);
        UserPools.Upstream = new HttpOidcUpstream(() => Helper.UpstreamHttpHandler);
        FrontDoors =
        [
            new CognitoIdentityProviderWireService(UserPools, cloud.Context.Ids),
            new CognitoIdentityWireService(IdentityPools, cloud.Context.Ids),
            new CognitoWellKnownService(UserPools),
            new CognitoDomainService(UserPools, domains),
        ];
    }

    public CognitoIdentityProviderEngine UserPools { get; }

    public CognitoIdentityEngine IdentityPools { get; }

    /// <summary>What a test reaches as <c>aws.Cognito</c>.</summary>
    public FakeCognito Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes(WireRoute domains) =>
        [CognitoIdentityProviderWireService.Routing, CognitoIdentityWireService.Routing, CognitoWellKnownService.Routing, domains];

    public override void Reset()
    {
        UserPools.Reset();
        IdentityPools.Reset();
    }

    // The outbox of codes sent to users is the test's to read, not the pools' state.
    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("cognito-idp", UserPools.State), ("cognito-identity", IdentityPools.State)];
}
