using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Policies;

namespace FakeAws.Engine.Tests.Lambda;

public class PermissionStatementsTests
{
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private static readonly ServiceCaller ApiGateway = new("apigateway.amazonaws.com", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items");

    private static ResourcePolicy PolicyOf(string principal, PermissionConditions conditions, string action = "lambda:InvokeFunction")
    {
        var policy = new ResourcePolicy();
        policy.Add(PermissionStatements.Build("s1", action, principal, Function, conditions));
        return policy;
    }

    [TestCase("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items", ExpectedResult = true)]
    [TestCase("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/items", ExpectedResult = true)]
    [TestCase("arn:aws:execute-api:us-east-1:123456789012:abc123/*", ExpectedResult = true)]
    [TestCase("arn:aws:execute-api:us-east-1:123456789012:abc123/*/POST/items", ExpectedResult = false)]
    [TestCase("arn:aws:execute-api:us-east-1:123456789012:other/*", ExpectedResult = false)]
    [TestCase("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/item?", ExpectedResult = true)]
    public bool SourceArn_MatchedAsArnLike(string sourceArn) =>
        PermissionStatements.Allows(PolicyOf("apigateway.amazonaws.com", new PermissionConditions(SourceArn: sourceArn)), ApiGateway, "123456789012", "lambda:InvokeFunction");

    [TestCase("apigateway.amazonaws.com", "lambda:InvokeFunction", ExpectedResult = true)]
    [TestCase("*", "lambda:InvokeFunction", ExpectedResult = true)]
    [TestCase("apigateway.amazonaws.com", "lambda:*", ExpectedResult = true)]
    [TestCase("s3.amazonaws.com", "lambda:InvokeFunction", ExpectedResult = false)]
    [TestCase("apigateway.amazonaws.com", "lambda:GetFunction", ExpectedResult = false)]
    [TestCase("123456789012", "lambda:InvokeFunction", ExpectedResult = false)]
    public bool PrincipalAndAction(string principal, string action) =>
        PermissionStatements.Allows(PolicyOf(principal, new PermissionConditions(), action), ApiGateway, "123456789012", "lambda:InvokeFunction");

    [TestCase("123456789012", ExpectedResult = true)]
    [TestCase("210987654321", ExpectedResult = false)]
    public bool SourceAccount_IsTheSourceArnsAccount(string account) =>
        PermissionStatements.Allows(PolicyOf("apigateway.amazonaws.com", new PermissionConditions(SourceAccount: account)), ApiGateway, "999999999999", "lambda:InvokeFunction");

    [Test]
    public void PrincipalOrgId_NeverMetByAService() =>
        Assert.That(PermissionStatements.Allows(PolicyOf("apigateway.amazonaws.com", new PermissionConditions(PrincipalOrgId: "o-abc")), ApiGateway, "123456789012", "lambda:InvokeFunction"), Is.False);

    [Test]
    public void Build_WritesAwsMembersInOrder_AndMergesConditions()
    {
        var statement = PermissionStatements.Build("s1", "lambda:InvokeFunction", "sns.amazonaws.com", Function,
            new PermissionConditions(SourceArn: "arn:aws:sns:us-east-1:123456789012:topic", SourceAccount: "123456789012"));

        Assert.That(ResourcePolicy.Render(statement), Is.EqualTo(
            """{"Sid":"s1","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:fn","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:sns:us-east-1:123456789012:topic"}}}"""));
    }

    [Test]
    public void Build_UnknownPrincipalForm_InvalidParameterValue()
    {
        var error = Assert.Throws<AwsServiceException>(() => PermissionStatements.Build("s1", "lambda:InvokeFunction", "someone", Function, new PermissionConditions()));

        Assert.That((error!.Code, error.Message), Is.EqualTo(("InvalidParameterValueException", "The provided principal was invalid. Please check the principal and try again.")));
    }
}
