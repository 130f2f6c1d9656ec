using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>Code signing configurations in the engine: what an update changes, and which deployments Enforce lets through.</summary>
public class CodeSigningTests
{
    private const string Profile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/MyProfile/abcdef1234";

    private static string Create(LambdaEngineKit kit, string? policy) =>
        kit.Engine.CreateCodeSigningConfig(kit.Scope, new CreateCodeSigningConfigRequest
        {
            AllowedPublishers = new AllowedPublishers { SigningProfileVersionArns = [Profile] },
            CodeSigningPolicies = policy is null ? null : new CodeSigningPolicies { UntrustedArtifactOnDeployment = policy },
        }).CodeSigningConfig!.CodeSigningConfigArn!;

    [Test]
    public void Update_ChangesOnlyTheMembersItNames_AndMovesLastModified()
    {
        var kit = new LambdaEngineKit();
        var arn = Create(kit, policy: null);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = kit.Engine.UpdateCodeSigningConfig(kit.Scope, new UpdateCodeSigningConfigRequest { CodeSigningConfigArn = arn, Description = "now described" })
            .CodeSigningConfig!;

        Assert.Multiple(() =>
        {
            Assert.That(updated.Description, Is.EqualTo("now described"));
            Assert.That(updated.CodeSigningPolicies!.UntrustedArtifactOnDeployment, Is.EqualTo("Warn"));
            Assert.That(updated.AllowedPublishers!.SigningProfileVersionArns, Is.EqualTo(new[] { Profile }));
            Assert.That(updated.LastModified, Is.EqualTo("2030-01-01T00:01:00.000+0000"));
        });
    }

    [Test]
    public void Enforce_RefusesInProcessCode_WhichNoProfileSigned_AndCreatesNothing()
    {
        var kit = new LambdaEngineKit();
        var arn = Create(kit, "Enforce");

        var error = Assert.ThrowsAsync<AwsServiceException>(() => kit.Engine.AddFunction(kit.Scope, new CreateFunctionRequest
        {
            FunctionName = "fn", Runtime = "dotnet8", Role = "arn:aws:iam::123456789012:role/r", Handler = "fn", CodeSigningConfigArn = arn,
        }, new LambdaEngineKit.NeverRuns()));

        Assert.That(error!.Code, Is.EqualTo("CodeVerificationFailedException"));
        Assert.That(kit.Engine.ListFunctionsByCodeSigningConfig(kit.Scope, new ListFunctionsByCodeSigningConfigRequest { CodeSigningConfigArn = arn }).FunctionArns,
            Is.Empty);
    }

    [Test]
    public void ASignedPackage_IsSignedOnlyInTheScopeItWasSignedIn()
    {
        var kit = new LambdaEngineKit();
        var arn = Create(kit, "Enforce");
        kit.Add("fn", (payload, _) => Task.FromResult(payload));
        kit.Engine.PutFunctionCodeSigningConfig(kit.Scope, new PutFunctionCodeSigningConfigRequest { FunctionName = "fn", CodeSigningConfigArn = arn });
        var zip = LambdaEngineKit.SmallZip();
        kit.Engine.SignPackage(kit.Scope with { Region = "eu-west-1" }, zip, Profile);

        var elsewhere = Assert.ThrowsAsync<AwsServiceException>(() => kit.Engine.UpdateFunctionCode(kit.Scope, new UpdateFunctionCodeRequest { FunctionName = "fn", ZipFile = zip }, default));
        kit.Engine.SignPackage(kit.Scope, zip, Profile);
        var dryRun = new UpdateFunctionCodeRequest { FunctionName = "fn", ZipFile = zip, DryRun = true };

        Assert.That(elsewhere!.Code, Is.EqualTo("CodeVerificationFailedException"));
        Assert.DoesNotThrowAsync(() => kit.Engine.UpdateFunctionCode(kit.Scope, dryRun, default), "signed in the function's region, the package passes the check");
    }
}
