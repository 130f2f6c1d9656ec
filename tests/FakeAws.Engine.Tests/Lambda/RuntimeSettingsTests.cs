using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>Recursive loop detection and runtime management settings: stored per function and per version, read back as AWS shows them.</summary>
public class RuntimeSettingsTests
{
    private const string RuntimeVersion = "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9";

    private static LambdaEngineKit Kit()
    {
        var kit = new LambdaEngineKit();
        kit.Add("fn", (payload, _) => Task.FromResult(payload));
        return kit;
    }

    [Test]
    public void RecursionConfig_DefaultsToTerminate_AndKeepsWhatIsPut()
    {
        var kit = Kit();

        var before = kit.Engine.GetFunctionRecursionConfig(kit.Scope, new GetFunctionRecursionConfigRequest { FunctionName = "fn" });
        var put = kit.Engine.PutFunctionRecursionConfig(kit.Scope, new PutFunctionRecursionConfigRequest { FunctionName = "fn", RecursiveLoop = "Allow" });
        var after = kit.Engine.GetFunctionRecursionConfig(kit.Scope, new GetFunctionRecursionConfigRequest { FunctionName = "arn:aws:lambda:us-east-1:123456789012:function:fn" });

        Assert.Multiple(() =>
        {
            Assert.That(before.RecursiveLoop, Is.EqualTo("Terminate"));
            Assert.That(put.RecursiveLoop, Is.EqualTo("Allow"));
            Assert.That(after.RecursiveLoop, Is.EqualTo("Allow"));
        });
    }

    [Test]
    public void RecursionConfig_OfAVersion_IsRefused()
    {
        var kit = Kit();

        var error = Assert.Throws<AwsServiceException>(() =>
            kit.Engine.GetFunctionRecursionConfig(kit.Scope, new GetFunctionRecursionConfigRequest { FunctionName = "fn:1" }));

        Assert.That(error!.Code, Is.EqualTo("InvalidParameterValueException"));
    }

    [Test]
    public void RuntimeManagement_DefaultsToAuto_ThenManualKeepsTheRuntimeVersion()
    {
        var kit = Kit();

        var before = kit.Engine.GetRuntimeManagementConfig(kit.Scope, new GetRuntimeManagementConfigRequest { FunctionName = "fn" });
        var put = kit.Engine.PutRuntimeManagementConfig(kit.Scope, new PutRuntimeManagementConfigRequest { FunctionName = "fn", UpdateRuntimeOn = "Manual", RuntimeVersionArn = RuntimeVersion });
        var after = kit.Engine.GetRuntimeManagementConfig(kit.Scope, new GetRuntimeManagementConfigRequest { FunctionName = "fn", Qualifier = "$LATEST" });

        Assert.Multiple(() =>
        {
            Assert.That(before.UpdateRuntimeOn, Is.EqualTo("Auto"));
            Assert.That(before.RuntimeVersionArn, Is.Null);
            Assert.That(before.FunctionArn, Is.EqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn"));
            Assert.That(put.UpdateRuntimeOn, Is.EqualTo("Manual"));
            Assert.That(put.RuntimeVersionArn, Is.EqualTo(RuntimeVersion));
            Assert.That(after.UpdateRuntimeOn, Is.EqualTo("Manual"));
            Assert.That(after.RuntimeVersionArn, Is.EqualTo(RuntimeVersion));
        });
    }

    [TestCase("Manual", null)]
    [TestCase("Auto", RuntimeVersion)]
    [TestCase("FunctionUpdate", RuntimeVersion)]
    public void RuntimeManagement_RuntimeVersionArn_OnlyAndAlwaysInManualMode(string mode, string? runtimeVersion)
    {
        var kit = Kit();

        var error = Assert.Throws<AwsServiceException>(() => kit.Engine.PutRuntimeManagementConfig(kit.Scope,
            new PutRuntimeManagementConfigRequest { FunctionName = "fn", UpdateRuntimeOn = mode, RuntimeVersionArn = runtimeVersion }));

        Assert.That(error!.Code, Is.EqualTo("InvalidParameterValueException"));
        Assert.That(kit.Engine.GetRuntimeManagementConfig(kit.Scope, new GetRuntimeManagementConfigRequest { FunctionName = "fn" }).UpdateRuntimeOn, Is.EqualTo("Auto"));
    }

    [Test]
    public void RuntimeManagement_OfAMissingVersion_IsNotFound()
    {
        var kit = Kit();

        var error = Assert.Throws<AwsServiceException>(() =>
            kit.Engine.GetRuntimeManagementConfig(kit.Scope, new GetRuntimeManagementConfigRequest { FunctionName = "fn", Qualifier = "7" }));

        Assert.That(error!.Code, Is.EqualTo("ResourceNotFoundException"));
        Assert.That(error.Message, Is.EqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn:7"));
    }
}
