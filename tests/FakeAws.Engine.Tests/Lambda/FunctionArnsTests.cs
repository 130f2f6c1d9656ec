using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.Tests.Lambda;

public class FunctionArnsTests
{
    private static readonly RequestScope Scope = new("123456789012", "us-east-1");

    [TestCase("orders", "orders", null)]
    [TestCase("orders:live", "orders", "live")]
    [TestCase("123456789012:function:orders", "orders", null)]
    [TestCase("123456789012:function:orders:3", "orders", "3")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:orders", "orders", null)]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "orders", "$LATEST")]
    public void Parse_EveryFormAFunctionIsNamedIn(string value, string name, string? qualifier)
    {
        var reference = FunctionArns.Parse(value);

        Assert.That((reference.Name, reference.Qualifier), Is.EqualTo((name, qualifier)));
    }

    [Test]
    public void Resolve_ArnOfAnotherRegion_NotReachable()
    {
        var error = Assert.Throws<AwsServiceException>(() => FunctionArns.Resolve(Scope, "arn:aws:lambda:eu-west-1:123456789012:function:f", null));

        Assert.That(error!.Message, Is.EqualTo("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')"));
    }

    [TestCase("1", true)]
    [TestCase("42", true)]
    [TestCase("$LATEST", false)]
    [TestCase("live", false)]
    public void IsVersion_OnlyNumbers(string qualifier, bool expected) => Assert.That(FunctionArns.IsVersion(qualifier), Is.EqualTo(expected));
}
