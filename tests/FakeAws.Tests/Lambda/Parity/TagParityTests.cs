// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaTag::test_create_tag_on_fn_create,
// test_tag_lifecycle, test_tag_nonexisting_resource, and TestLambdaTags::test_tag_exceptions,
// test_tag_limits, test_tag_lifecycle and test_tag_versions.
namespace FakeAws.Tests.Lambda.Parity;

public class TagParityTests : ParityTestBase
{
    private static string TagsPath(string resource) => $"/2017-03-31/tags/{Escape(resource)}";

    private Task<WireReply> TagAsync(string resource, Dictionary<string, string> tags) => Wire.Post(TagsPath(resource), new { Tags = tags });

    private Task<WireReply> UntagAsync(string resource, params string[] keys) =>
        Wire.Delete(TagsPath(resource) + (keys.Length == 0 ? "" : "?" + string.Join("&", keys.Select(k => $"tagKeys={Escape(k)}"))));

    private async Task<Dictionary<string, string>> ListTagsAsync(string resource)
    {
        var reply = await Wire.Get(TagsPath(resource));
        AssertOk(reply);
        return reply.Json.GetProperty("Tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Test]
    public async Task CreateFunction_WithTags_ShownByGetFunctionAndListTags()
    {
        await CreateAsync("fn", new { Tags = new Dictionary<string, string> { ["testtag"] = "value" } });

        var function = await Wire.Get("/2015-03-31/functions/fn");

        Assert.That(Str(function.Json.GetProperty("Tags"), "testtag"), Is.EqualTo("value"));
        Assert.That(await ListTagsAsync(Arn("fn")), Is.EqualTo(new Dictionary<string, string> { ["testtag"] = "value" }));
    }

    [Test]
    public async Task TagResource_Lifecycle_MergesOverwritesAndUntags()
    {
        await CreateAsync("fn");
        var arn = Arn("fn");

        var single = await TagAsync(arn, new() { ["A"] = "tag-a" });
        await TagAsync(arn, new() { ["B"] = "tag-b", ["C"] = "tag-c" });
        await TagAsync(arn, new() { ["C"] = "tag-c-newsuffix", ["D"] = "tag-d" });
        var afterOverlap = await ListTagsAsync(arn);
        var untagged = await UntagAsync(arn, "A");
        await UntagAsync(arn, "B", "C");
        var unknown = await UntagAsync(arn, "F");
        var afterUnknown = await ListTagsAsync(arn);
        await UntagAsync(arn, "D", "F");

        AssertOk(single, 204);
        AssertOk(untagged, 204);
        AssertOk(unknown, 204);
        Assert.That(afterOverlap, Is.EqualTo(new Dictionary<string, string> { ["A"] = "tag-a", ["B"] = "tag-b", ["C"] = "tag-c-newsuffix", ["D"] = "tag-d" }));
        Assert.That(afterUnknown, Is.EqualTo(new Dictionary<string, string> { ["D"] = "tag-d" }));
        Assert.That(await ListTagsAsync(arn), Is.Empty);
    }

    [Test]
    public async Task GetFunction_AllTagsRemoved_NoTagsMember()
    {
        await CreateAsync("fn", new { Tags = new Dictionary<string, string> { ["key_a"] = "value_a" } });

        await UntagAsync(Arn("fn"), "key_a");
        var function = await Wire.Get("/2015-03-31/functions/fn");

        Assert.That(HasMember(function.Json, "Tags"), Is.False);
    }

    [Test]
    public async Task TagResource_ChangesTheRevisionIdOfLatest()
    {
        await CreateAsync("fn");
        var before = await Wire.Get("/2015-03-31/functions/fn");

        await TagAsync(Arn("fn"), new() { ["key_b"] = "value_b" });
        var afterTag = await Wire.Get("/2015-03-31/functions/fn");
        await UntagAsync(Arn("fn"), "key_b");
        var afterUntag = await Wire.Get("/2015-03-31/functions/fn");

        var revisions = new[] { before, afterTag, afterUntag }.Select(r => Str(r.Json.GetProperty("Configuration"), "RevisionId")).ToList();
        Assert.That(revisions, Is.Unique);
    }

    [Test]
    public async Task TagResource_DeletedFunction_NotFound()
    {
        await CreateAsync("fn");
        await Wire.Delete("/2015-03-31/functions/fn");

        var tag = await TagAsync(Arn("fn"), new() { ["A"] = "B" });
        var untag = await UntagAsync(Arn("fn"), "A");
        var list = await Wire.Get(TagsPath(Arn("fn")));

        foreach (var reply in new[] { tag, untag, list })
        {
            AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}");
        }
    }

    [Test]
    public async Task TagResource_NotALambdaArn_ValidationExceptionQuotingThePattern()
    {
        var reply = await TagAsync("arn:aws:something", new() { ["key_a"] = "value_a" });

        // AWS quotes the model's pattern, which has grown new resource types since the recording.
        AssertErrorStartsWith(reply, 400, "ValidationException",
            "1 validation error detected: Value 'arn:aws:something' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)");
    }

    [Test]
    public async Task TagResource_MissingFunction_NotFound()
    {
        var reply = await TagAsync(Arn("doesnotexist"), new() { ["key_a"] = "value_a" });

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("doesnotexist")}");
    }

    [TestCase(":v1")]
    [TestCase(":1")]
    [TestCase(":$LATEST")]
    public async Task TagResource_QualifiedArn_InvalidParameterValue(string qualifier)
    {
        await CreateAndPublishAsync("fn");

        var reply = await TagAsync(Arn("fn") + qualifier, new() { ["key_a"] = "value_a" });

        AssertError(reply, 400, "InvalidParameterValueException", "Tags on function aliases and versions are not supported. Please specify a function ARN.");
    }

    [Test]
    public async Task ListTags_NeverTagged_EmptyTags()
    {
        await CreateAsync("fn");

        var reply = await Wire.Get(TagsPath(Arn("fn")));

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("Tags").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task UntagResource_NoKeys_ValidationException()
    {
        await CreateAsync("fn");

        var reply = await UntagAsync(Arn("fn"));

        AssertError(reply, 400, "ValidationException", "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    }

    [Test]
    public async Task TagResource_NoTags_InvalidParameterValue()
    {
        await CreateAsync("fn");

        var reply = await TagAsync(Arn("fn"), []);

        AssertError(reply, 400, "InvalidParameterValueException", "An error occurred and the request cannot be processed.");
    }

    [Test]
    public async Task TagResource_51Tags_InvalidParameterValue()
    {
        await CreateAsync("fn");

        var reply = await TagAsync(Arn("fn"), Enumerable.Range(0, 51).ToDictionary(k => $"{k}_key", k => $"{k}_value"));

        AssertError(reply, 400, "InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
    }

    [Test]
    public async Task TagResource_OneMoreThan50_InvalidParameterValueAndTheFiftyStay()
    {
        await CreateAsync("fn");
        var fifty = await TagAsync(Arn("fn"), Enumerable.Range(0, 50).ToDictionary(k => $"{k}_key", k => $"{k}_value"));

        var reply = await TagAsync(Arn("fn"), new() { ["a_key"] = "a_value" });

        AssertOk(fifty, 204);
        AssertError(reply, 400, "InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
        Assert.That(await ListTagsAsync(Arn("fn")), Has.Count.EqualTo(50));
    }
}
