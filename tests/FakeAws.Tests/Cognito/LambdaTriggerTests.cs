using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>User pool triggers run as the cloud's own Lambda functions.</summary>
public class LambdaTriggerTests : CognitoTestBase
{
    [Test]
    public async Task PreSignUp_AsAFakeAwsFunction_AutoConfirmsTheUser()
    {
        var arn = AddTrigger("auto-confirm", (JsonObject e) =>
        {
            e["response"]!["autoConfirmUser"] = e["request"]!["userAttributes"]!["email"]!.GetValue<string>().EndsWith("@example.com");
            return e;
        });
        var (_, clientId) = await EmailPool(new { LambdaConfig = new Dictionary<string, string> { ["PreSignUp"] = arn } });

        var inside = await Idp("SignUp", new { ClientId = clientId, Username = "ada@example.com", Password });
        var outside = await Idp("SignUp", new { ClientId = clientId, Username = "bob@elsewhere.org", Password });

        Assert.That(inside["UserConfirmed"]!.GetValue<bool>(), Is.True);
        Assert.That(outside["UserConfirmed"]!.GetValue<bool>(), Is.False);
        await PasswordSignIn(clientId, "ada@example.com");
    }

    [Test]
    public async Task PreSignUp_FunctionThrows_UserLambdaValidationExceptionWithItsMessage()
    {
        var arn = AddTrigger("gatekeeper", new Func<JsonObject, JsonObject>(_ => throw new InvalidOperationException("Invitations only")));
        var (_, clientId) = await EmailPool(new { LambdaConfig = new Dictionary<string, string> { ["PreSignUp"] = arn } });

        var error = await IdpError("SignUp", new { ClientId = clientId, Username = "eve@example.com", Password });

        Assert.That((error.Code, error.Message), Is.EqualTo(("UserLambdaValidationException", "PreSignUp failed with error Invitations only.")));
    }

    /// <summary>Adds an in-process function and lets Cognito invoke it, as the console does when a trigger is chosen.</summary>
    private string AddTrigger(string name, Delegate handler)
    {
        var arn = Aws.Lambda.AddFunction(name, handler);
        using var lambda = new Lambda.LambdaWire(Aws);
        lambda.AllowInvoke(name, "cognito-idp.amazonaws.com", "cognito-trigger").GetAwaiter().GetResult();
        return arn;
    }
}
