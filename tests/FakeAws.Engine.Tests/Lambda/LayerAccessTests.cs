using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>A layer version of another account: used only when its layer version policy allows the account, everyone, or the account's organization.</summary>
public class LayerAccessTests
{
    private const string Publisher = "111111111111";
    private const string User = "123456789012";

    private static (LambdaEngineKit Kit, string LayerVersionArn) Published()
    {
        var kit = new LambdaEngineKit();
        var published = kit.Engine.PublishLayerVersion(kit.Scope with { AccountId = Publisher }, new PublishLayerVersionRequest
        {
            LayerName = "shared",
            Content = new LayerVersionContentInput { ZipFile = LambdaEngineKit.SmallZip() },
        });
        return (kit, published.LayerVersionArn!);
    }

    private static void Allow(LambdaEngineKit kit, string principal, string sid, string? organizationId = null) =>
        kit.Engine.AddLayerVersionPermission(kit.Scope with { AccountId = Publisher }, new AddLayerVersionPermissionRequest
        {
            LayerName = "shared", VersionNumber = 1, StatementId = sid, Action = "lambda:GetLayerVersion", Principal = principal, OrganizationId = organizationId,
        });

    private static Task Create(LambdaEngineKit kit, string layerVersionArn) => kit.Engine.AddFunction(kit.Scope, new CreateFunctionRequest
    {
        FunctionName = "fn", Runtime = "dotnet8", Role = $"arn:aws:iam::{User}:role/r", Handler = "fn", Layers = [layerVersionArn],
    }, new LambdaEngineKit.NeverRuns());

    [Test]
    public void WithoutAPermission_AnotherAccountsLayerIsAccessDenied_ForCreateFunctionAndGetLayerVersion()
    {
        var (kit, arn) = Published();

        var create = Assert.ThrowsAsync<AwsServiceException>(() => Create(kit, arn));
        var get = Assert.Throws<AwsServiceException>(() => kit.Engine.GetLayerVersionByArn(kit.Scope, new GetLayerVersionByArnRequest { Arn = arn }));

        var message = $"User: arn:aws:iam::{User}:root is not authorized to perform: lambda:GetLayerVersion on resource: {arn} because no resource-based policy allows the lambda:GetLayerVersion action";
        Assert.Multiple(() =>
        {
            Assert.That((create!.Code, create.StatusCode, create.Message), Is.EqualTo(("AccessDeniedException", 403, message)));
            Assert.That((get!.Code, get.Message), Is.EqualTo(("AccessDeniedException", message)));
        });
    }

    [Test]
    public void APermissionForTheAccount_OrForEveryone_LetsTheFunctionUseTheLayer()
    {
        var (byAccount, arn) = Published();
        Allow(byAccount, User, "account");
        var (byEveryone, everyoneArn) = Published();
        Allow(byEveryone, "*", "public");

        Assert.DoesNotThrowAsync(() => Create(byAccount, arn));
        Assert.DoesNotThrowAsync(() => Create(byEveryone, everyoneArn));
    }

    [Test]
    public void APermissionForAnotherAccount_DoesNotHelp()
    {
        var (kit, arn) = Published();
        Allow(kit, "999999999999", "someone-else");

        var error = Assert.ThrowsAsync<AwsServiceException>(() => Create(kit, arn));

        Assert.That(error!.Code, Is.EqualTo("AccessDeniedException"));
    }

    [Test]
    public void APermissionForAnOrganization_LetsOnlyItsAccountsUseTheLayer()
    {
        var (inOrg, arn) = Published();
        inOrg.Engine.Options.AccountOrganizations[User] = "o-a1b2c3d4e5";
        Allow(inOrg, "*", "org", organizationId: "o-a1b2c3d4e5");
        var (outside, outsideArn) = Published();
        outside.Engine.Options.AccountOrganizations[User] = "o-other00000";
        Allow(outside, "*", "org", organizationId: "o-a1b2c3d4e5");
        var (noOrg, noOrgArn) = Published();
        Allow(noOrg, "*", "org", organizationId: "o-a1b2c3d4e5");

        Assert.DoesNotThrowAsync(() => Create(inOrg, arn));
        Assert.ThrowsAsync<AwsServiceException>(() => Create(outside, outsideArn));
        Assert.ThrowsAsync<AwsServiceException>(() => Create(noOrg, noOrgArn));
    }

    [Test]
    public void WithEnforcementOff_EveryAccountUsesEveryLayer()
    {
        var (kit, arn) = Published();
        kit.Engine.Options.EnforceResourcePolicies = false;

        Assert.DoesNotThrowAsync(() => Create(kit, arn));
    }
}
