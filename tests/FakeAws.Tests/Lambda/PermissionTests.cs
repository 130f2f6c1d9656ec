using System.Net;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Lambda;

/// <summary>AddPermission, RemovePermission and GetPolicy: AWS's policy document, per qualifier, and AWS's errors.</summary>
public class PermissionTests : LambdaTestBase
{
    private const string Fn = "/2015-03-31/functions/fn";

    [SetUp]
    public async Task CreateFunction() => Assert.That((await Wire.CreateFunction("fn", Echo)).Status, Is.EqualTo(HttpStatusCode.Created));

    [Test]
    public async Task AddPermission_ReturnsTheStatement_AndGetPolicyTheWholeDocument()
    {
        var added = await Wire.Post($"{Fn}/policy", new
        {
            StatementId = "apigw",
            Action = "lambda:InvokeFunction",
            Principal = "apigateway.amazonaws.com",
            SourceArn = "arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/items",
            SourceAccount = "123456789012",
        });
        await Wire.Post($"{Fn}/policy", new { StatementId = "acct", Action = "lambda:GetFunction", Principal = "210987654321" });

        Assert.That((int)added.Status, Is.EqualTo(201));
        Assert.That(JsonNode.Parse(added.Text)!["Statement"]!.GetValue<string>(), Is.EqualTo(
            """{"Sid":"apigw","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:123456789012:function:fn","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/items"}}}"""));
        var policy = JsonNode.Parse((await Wire.Get($"{Fn}/policy")).Text)!;
        var document = JsonNode.Parse(policy["Policy"]!.GetValue<string>())!;
        Assert.Multiple(() =>
        {
            Assert.That(document["Version"]!.GetValue<string>(), Is.EqualTo("2012-10-17"));
            Assert.That(document["Id"]!.GetValue<string>(), Is.EqualTo("default"));
            Assert.That(document["Statement"]!.AsArray().Select(s => s!["Sid"]!.GetValue<string>()), Is.EqualTo(new[] { "apigw", "acct" }));
            Assert.That(document["Statement"]![1]!["Principal"]!["AWS"]!.GetValue<string>(), Is.EqualTo("arn:aws:iam::210987654321:root"));
            Assert.That(policy["RevisionId"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task AddPermission_ChangesTheFunctionsRevisionId_WhichGetPolicyShows()
    {
        var before = JsonNode.Parse((await Wire.Get($"{Fn}/configuration")).Text)!["RevisionId"]!.GetValue<string>();
        await Wire.Post($"{Fn}/policy", new { StatementId = "s", Action = "lambda:InvokeFunction", Principal = "sns.amazonaws.com", RevisionId = before });
        var after = JsonNode.Parse((await Wire.Get($"{Fn}/configuration")).Text)!["RevisionId"]!.GetValue<string>();
        var policy = JsonNode.Parse((await Wire.Get($"{Fn}/policy")).Text)!;

        Assert.That(after, Is.Not.EqualTo(before));
        Assert.That(policy["RevisionId"]!.GetValue<string>(), Is.EqualTo(after));
        AssertError(await Wire.Post($"{Fn}/policy", new { StatementId = "t", Action = "lambda:InvokeFunction", Principal = "sns.amazonaws.com", RevisionId = before }),
            412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Test]
    public async Task DuplicateStatementId_ResourceConflict()
    {
        var statement = new { StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com" };
        await Wire.Post($"{Fn}/policy", statement);

        AssertError(await Wire.Post($"{Fn}/policy", statement), 409, "ResourceConflictException",
            "The statement id (s1) provided already exists. Please provide a new statement id, or remove the existing statement.");
    }

    [Test]
    public async Task RemovePermission_UnknownStatement_NotFound_AndTheLastRemovalDropsThePolicy()
    {
        AssertError(await Wire.Delete($"{Fn}/policy/nope"), 404, "ResourceNotFoundException", "No policy is associated with the given resource.");
        await Wire.Post($"{Fn}/policy", new { StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com" });
        AssertError(await Wire.Delete($"{Fn}/policy/nope"), 404, "ResourceNotFoundException", "Statement nope is not found in resource policy.");

        Assert.That((int)(await Wire.Delete($"{Fn}/policy/s1")).Status, Is.EqualTo(204));
        AssertError(await Wire.Get($"{Fn}/policy"), 404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    [Test]
    public async Task PoliciesArePerQualifier_AndLatestTakesNone()
    {
        await Wire.Post($"{Fn}/versions", new { });
        await Wire.Post($"{Fn}/aliases", new { Name = "live", FunctionVersion = "1" });
        await Wire.Post($"{Fn}/policy?Qualifier=live", new { StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com" });
        await Wire.Post($"{Fn}/policy", new { StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "sns.amazonaws.com" });

        var alias = JsonNode.Parse(JsonNode.Parse((await Wire.Get($"{Fn}/policy?Qualifier=live")).Text)!["Policy"]!.GetValue<string>())!;
        Assert.That(alias["Statement"]![0]!["Resource"]!.GetValue<string>(), Is.EqualTo(Arn("fn") + ":live"));
        AssertError(await Wire.Get($"{Fn}/policy?Qualifier=1"), 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        AssertError(await Wire.Post($"{Fn}/policy?Qualifier=$LATEST", new { StatementId = "s2", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com" }),
            400, "InvalidParameterValueException", "We currently do not support adding policies for $LATEST.");
        AssertError(await Wire.Post($"{Fn}/policy?Qualifier=nope", new { StatementId = "s2", Action = "lambda:InvokeFunction", Principal = "s3.amazonaws.com" }),
            404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:nope");
    }

    [Test]
    public async Task InvalidPrincipal_InvalidParameterValue() =>
        AssertError(await Wire.Post($"{Fn}/policy", new { StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "somebody" }),
            400, "InvalidParameterValueException", "The provided principal was invalid. Please check the principal and try again.");

    [Test]
    public async Task UnknownFunction_NotFound()
    {
        AssertError(await Wire.Get("/2015-03-31/functions/ghost/policy"), 404, "ResourceNotFoundException", $"Function not found: {Arn("ghost")}");
        AssertError(await Wire.Delete("/2015-03-31/functions/ghost/policy/s1"), 404, "ResourceNotFoundException", $"No policy found for: {Arn("ghost")}");
    }
}
