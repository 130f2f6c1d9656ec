using System.Text.Json;
using FakeAws.Engine.ApiGateway.Auth;

namespace FakeAws.Engine.Tests.ApiGateway;

public class IamPolicyTests
{
    private const string Api = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234";
    private const string Method = Api + "/prod/GET/items/1";

    private static PolicyDecision Evaluate(string policy, PolicyFacts? facts = null) =>
        IamPolicy.Evaluate(JsonDocument.Parse(policy).RootElement, Method, Api, facts);

    [TestCase("""{"Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}}""", "Allow")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":["execute-api:*"],"Resource":["arn:aws:execute-api:us-east-1:*:abcdef1234/*/GET/*"]}]}""", "Allow")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"execute-api:/prod/GET/items/?"}]}""", "Allow")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"execute-api:/*/POST/*"}]}""", "ImplicitDeny")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", "ImplicitDeny")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"execute-api:Invoke","Resource":"execute-api:/prod/*"}]}""", "ExplicitDeny")]
    [TestCase("""{"Statement":[{"Effect":"Allow","NotAction":"s3:*","NotResource":"execute-api:/dev/*"}]}""", "Allow")]
    public void Evaluate_AuthorizerPolicies(string policy, string expected) => Assert.That(Evaluate(policy).ToString(), Is.EqualTo(expected));

    [TestCase("""{"Version":"2012-10-17"}""")]
    [TestCase("""{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}""")]
    [TestCase("""{"Statement":[{"Effect":"Allow","Action":1,"Resource":"*"}]}""")]
    public void Evaluate_NotAPolicy_FormatException(string policy) => Assert.Throws<FormatException>(() => Evaluate(policy));

    [TestCase("10.1.2.3", "Allow")]
    [TestCase("192.168.0.1", "ImplicitDeny")]
    public void Evaluate_SourceIpCondition(string ip, string expected) => Assert.That(Evaluate("""
        {"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]}}}]}
        """, new PolicyFacts(ip, null, false)).ToString(), Is.EqualTo(expected));

    [TestCase(null, "ExplicitDeny")]
    [TestCase("vpce-1", "Allow")]
    public void Evaluate_SourceVpceCondition(string? vpce, string expected) => Assert.That(Evaluate("""
        {"Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}},
                      {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}
        """, new PolicyFacts("1.2.3.4", vpce, false)).ToString(), Is.EqualTo(expected));

    [TestCase(false, "ImplicitDeny")]
    [TestCase(true, "Allow")]
    public void Evaluate_NamedPrincipal_OnlyIamCallers(bool signed, string expected) => Assert.That(Evaluate("""
        {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/app"},"Action":"execute-api:Invoke","Resource":"*"}]}
        """, new PolicyFacts("1.2.3.4", null, signed)).ToString(), Is.EqualTo(expected));
}
