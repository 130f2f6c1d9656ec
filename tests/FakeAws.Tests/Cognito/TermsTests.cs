using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>Terms documents of an app client: CreateTerms, DescribeTerms, ListTerms, UpdateTerms, DeleteTerms.</summary>
public sealed class TermsTests : CognitoTestBase
{
    private static object TermsOfUse(string poolId, string clientId) => new
    {
        UserPoolId = poolId, ClientId = clientId, TermsName = "terms-of-use", TermsSource = "LINK", Enforcement = "NONE",
        Links = new Dictionary<string, string> { ["cognito:default"] = "https://example.com/terms", ["cognito:spanish"] = "https://example.com/es/terms" },
    };

    [Test]
    public async Task Terms_OneOfEachNamePerClient_CreateDescribeListUpdateDelete()
    {
        var (poolId, clientId) = await EmailPool();
        var created = (await Idp("CreateTerms", TermsOfUse(poolId, clientId)))["Terms"]!;
        var id = created["TermsId"]!.GetValue<string>();
        Assert.That(id, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That((created["UserPoolId"]!.GetValue<string>(), created["ClientId"]!.GetValue<string>(), created["TermsSource"]!.GetValue<string>(), created["Enforcement"]!.GetValue<string>()),
            Is.EqualTo((poolId, clientId, "LINK", "NONE")));
        Assert.That(created["Links"]!["cognito:spanish"]!.GetValue<string>(), Is.EqualTo("https://example.com/es/terms"));

        var twice = await IdpError("CreateTerms", TermsOfUse(poolId, clientId));
        Assert.That(twice.Code, Is.EqualTo("TermsExistsException"));
        var privacy = (await Idp("CreateTerms", new
        {
            UserPoolId = poolId, ClientId = clientId, TermsName = "privacy-policy", TermsSource = "LINK", Enforcement = "NONE",
            Links = new Dictionary<string, string> { ["cognito:default"] = "https://example.com/privacy" },
        }))["Terms"]!["TermsId"]!.GetValue<string>();

        var listed = (await Idp("ListTerms", new { UserPoolId = poolId }))["Terms"]!.AsArray();
        Assert.That(listed.Select(t => t!["TermsName"]!.GetValue<string>()), Is.EqualTo(new[] { "terms-of-use", "privacy-policy" }));
        Assert.That(listed[0]!["Links"], Is.Null, "ListTerms describes documents without their links");
        var page = await Idp("ListTerms", new { UserPoolId = poolId, MaxResults = 1 });
        var rest = (await Idp("ListTerms", new { UserPoolId = poolId, NextToken = page["NextToken"]!.GetValue<string>() }))["Terms"]!.AsArray();
        Assert.That(rest.Single()!["TermsId"]!.GetValue<string>(), Is.EqualTo(privacy));

        Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        var renamed = await IdpError("UpdateTerms", new { TermsId = privacy, UserPoolId = poolId, TermsName = "terms-of-use" });
        Assert.That(renamed.Code, Is.EqualTo("TermsExistsException"));
        var updated = (await Idp("UpdateTerms", new { TermsId = id, UserPoolId = poolId, Links = new Dictionary<string, string> { ["cognito:french"] = "https://example.com/fr/terms" } }))["Terms"]!;
        Assert.That(updated["Links"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "cognito:french" }));
        Assert.That(updated["TermsName"]!.GetValue<string>(), Is.EqualTo("terms-of-use"), "what UpdateTerms leaves out stays");
        Assert.That(updated["LastModifiedDate"]!.GetValue<double>() - updated["CreationDate"]!.GetValue<double>(), Is.EqualTo(300));
        var described = (await Idp("DescribeTerms", new { TermsId = id, UserPoolId = poolId }))["Terms"]!;
        Assert.That(described["Links"]!["cognito:french"]!.GetValue<string>(), Is.EqualTo("https://example.com/fr/terms"));

        await Idp("DeleteTerms", new { TermsId = id, UserPoolId = poolId });
        var gone = await IdpError("DescribeTerms", new { TermsId = id, UserPoolId = poolId });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
        var deletedTwice = await IdpError("DeleteTerms", new { TermsId = id, UserPoolId = poolId });
        Assert.That(deletedTwice.Code, Is.EqualTo("ResourceNotFoundException"));
        await Idp("CreateTerms", TermsOfUse(poolId, clientId));
    }

    [Test]
    public async Task Terms_RefuseWhatTheModelRefuses()
    {
        var (poolId, clientId) = await EmailPool();
        object With(string name = "terms-of-use", string source = "LINK", string enforcement = "NONE", Dictionary<string, string>? links = null) => new
        {
            UserPoolId = poolId, ClientId = clientId, TermsName = name, TermsSource = source, Enforcement = enforcement,
            Links = links ?? new Dictionary<string, string> { ["cognito:default"] = "https://example.com/terms" },
        };
        foreach (var (request, what) in new[]
        {
            (With(name: "TERMS_OF_USE"), "name"),
            (With(source: "INLINE"), "source"),
            (With(enforcement: "REQUIRED"), "enforcement"),
            (With(links: new Dictionary<string, string> { ["english"] = "https://example.com/terms" }), "language"),
            (With(links: []), "no links"),
            (With(links: new Dictionary<string, string> { ["cognito:default"] = "https://example.com/" + new string('a', 1010) }), "long URL"),
        })
        {
            var refused = await IdpError("CreateTerms", request);
            Assert.That(refused.Code, Is.EqualTo("InvalidParameterException"), what);
        }
        var noLinks = await IdpError("CreateTerms", new { UserPoolId = poolId, ClientId = clientId, TermsName = "terms-of-use", TermsSource = "LINK", Enforcement = "NONE" });
        Assert.That(noLinks.Code, Is.EqualTo("InvalidParameterException"));
        var unknownClient = await IdpError("CreateTerms", new { UserPoolId = poolId, ClientId = "nosuchclient", TermsName = "terms-of-use", TermsSource = "LINK", Enforcement = "NONE", Links = new Dictionary<string, string> { ["cognito:default"] = "https://example.com" } });
        Assert.That(unknownClient.Code, Is.EqualTo("ResourceNotFoundException"));
        var badId = await IdpError("DescribeTerms", new { TermsId = "not-a-uuid", UserPoolId = poolId });
        Assert.That(badId.Code, Is.EqualTo("InvalidParameterException"));
        var tooMany = await IdpError("ListTerms", new { UserPoolId = poolId, MaxResults = 61 });
        Assert.That(tooMany.Code, Is.EqualTo("InvalidParameterException"));
        var unknownPool = await IdpError("ListTerms", new { UserPoolId = "us-east-1_nosuchpoo" });
        Assert.That(unknownPool.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Terms_GoWithTheirClient_AndSurviveASnapshot()
    {
        var (poolId, clientId) = await EmailPool();
        var other = await NewClient(poolId);
        var id = (await Idp("CreateTerms", TermsOfUse(poolId, clientId)))["Terms"]!["TermsId"]!.GetValue<string>();
        await Idp("CreateTerms", TermsOfUse(poolId, other));

        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());
        var restored = await fresh.CallAsync("cognito-idp", "DescribeTerms", new JsonObject { ["TermsId"] = id, ["UserPoolId"] = poolId });
        Assert.That(restored!["Terms"]!["Links"]!["cognito:default"]!.GetValue<string>(), Is.EqualTo("https://example.com/terms"));

        await Idp("DeleteUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var left = (await Idp("ListTerms", new { UserPoolId = poolId }))["Terms"]!.AsArray();
        Assert.That(left, Has.Count.EqualTo(1), "the other client's terms stay");
        Assert.That(left[0]!["TermsId"]!.GetValue<string>(), Is.Not.EqualTo(id));
    }
}
