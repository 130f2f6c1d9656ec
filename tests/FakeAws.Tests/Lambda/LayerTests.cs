using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Lambda;

/// <summary>Layers: versions from 1 with AWS's ARNs, lists and filters, layer permissions, and layers on functions.</summary>
public class LayerTests : LambdaTestBase
{
    private const string LayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:shared";

    private async Task<JsonElement> Publish(string name = "shared", object? settings = null, byte[]? zip = null)
    {
        var body = new Dictionary<string, object?> { ["Content"] = new { ZipFile = zip ?? Zips.Small() } };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }
        var reply = await Wire.Post($"/2018-10-31/layers/{name}/versions", body);
        Assert.That((int)reply.Status, Is.EqualTo(201), reply.Text);
        return reply.Json;
    }

    [Test]
    public async Task Publish_NumbersVersionsFromOne_WithAwsArnsAndContent()
    {
        var first = await Publish(settings: new { Description = "v1", CompatibleRuntimes = new[] { "python3.12" }, CompatibleArchitectures = new[] { "arm64" }, LicenseInfo = "MIT" });
        var second = await Publish();

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("LayerArn").GetString(), Is.EqualTo(LayerArn));
            Assert.That(first.GetProperty("LayerVersionArn").GetString(), Is.EqualTo($"{LayerArn}:1"));
            Assert.That(first.GetProperty("Version").GetInt64(), Is.EqualTo(1));
            Assert.That(second.GetProperty("Version").GetInt64(), Is.EqualTo(2));
            Assert.That(first.GetProperty("Description").GetString(), Is.EqualTo("v1"));
            Assert.That(second.GetProperty("Description").GetString(), Is.EqualTo(""));
            Assert.That(first.GetProperty("LicenseInfo").GetString(), Is.EqualTo("MIT"));
            Assert.That(first.GetProperty("CompatibleRuntimes")[0].GetString(), Is.EqualTo("python3.12"));
            Assert.That(first.GetProperty("CompatibleArchitectures")[0].GetString(), Is.EqualTo("arm64"));
            Assert.That(first.GetProperty("Content").GetProperty("CodeSize").GetInt64(), Is.EqualTo(Zips.Small().Length));
            Assert.That(first.GetProperty("Content").GetProperty("CodeSha256").GetString(), Is.Not.Empty);
            Assert.That(first.GetProperty("CreatedDate").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$"));
        });
    }

    [Test]
    public async Task GetByNameAndByArn_AndDeletedVersionsAreNotReused()
    {
        await Publish();
        await Publish();

        Assert.That((await Wire.Get("/2018-10-31/layers/shared/versions/2")).Json.GetProperty("Version").GetInt64(), Is.EqualTo(2));
        Assert.That((await Wire.Get($"/2018-10-31/layers?find=LayerVersion&Arn={Uri.EscapeDataString(LayerArn + ":1")}")).Json.GetProperty("Version").GetInt64(), Is.EqualTo(1));
        Assert.That((int)(await Wire.Delete("/2018-10-31/layers/shared/versions/2")).Status, Is.EqualTo(204));
        Assert.That((int)(await Wire.Delete("/2018-10-31/layers/shared/versions/2")).Status, Is.EqualTo(204));
        AssertError(await Wire.Get("/2018-10-31/layers/shared/versions/2"), 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        Assert.That((await Publish()).GetProperty("Version").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task ListLayers_ShowsTheLatestMatchingVersion_AndListLayerVersionsNewestFirst()
    {
        await Publish(settings: new { CompatibleRuntimes = new[] { "python3.12" } });
        await Publish(settings: new { CompatibleRuntimes = new[] { "nodejs20.x" } });
        await Publish("other");

        var all = (await Wire.Get("/2018-10-31/layers")).Json.GetProperty("Layers");
        var python = (await Wire.Get("/2018-10-31/layers?CompatibleRuntime=python3.12")).Json.GetProperty("Layers");
        var versions = (await Wire.Get("/2018-10-31/layers/shared/versions")).Json.GetProperty("LayerVersions");

        Assert.Multiple(() =>
        {
            Assert.That(all.EnumerateArray().Select(l => l.GetProperty("LayerName").GetString()), Is.EqualTo(new[] { "other", "shared" }));
            Assert.That(all[1].GetProperty("LatestMatchingVersion").GetProperty("Version").GetInt64(), Is.EqualTo(2));
            Assert.That(python.GetArrayLength(), Is.EqualTo(1));
            Assert.That(python[0].GetProperty("LatestMatchingVersion").GetProperty("Version").GetInt64(), Is.EqualTo(1));
            Assert.That(versions.EnumerateArray().Select(v => v.GetProperty("Version").GetInt64()), Is.EqualTo(new long[] { 2, 1 }));
        });
    }

    [Test]
    public async Task Functions_NameExistingLayerVersions_WithTheirSize()
    {
        await Publish();
        var created = await Wire.CreateFunction("fn", Echo, new { Layers = new[] { $"{LayerArn}:1" } });
        var missing = await Wire.CreateFunction("fn2", Echo, new { Layers = new[] { $"{LayerArn}:9" } });

        Assert.That(created.Json.GetProperty("Layers")[0].GetProperty("Arn").GetString(), Is.EqualTo($"{LayerArn}:1"));
        Assert.That(created.Json.GetProperty("Layers")[0].GetProperty("CodeSize").GetInt64(), Is.EqualTo(Zips.Small().Length));
        AssertError(missing, 400, "InvalidParameterValueException", $"Layer version {LayerArn}:9 does not exist.");
    }

    [Test]
    public async Task FunctionAndLayers_UnzippedOver250MB_Refused()
    {
        await Publish("big", zip: Zips.DeclaringUnzippedSize(150_000_000));
        await Publish("bigger", zip: Zips.DeclaringUnzippedSize(112_144_000));
        var layers = new[] { "arn:aws:lambda:us-east-1:123456789012:layer:big:1", "arn:aws:lambda:us-east-1:123456789012:layer:bigger:1" };

        var reply = await Wire.CreateFunction("fn", Echo, new { Layers = layers });

        // The function's own package holds one 15-byte file.
        const long total = 150_000_000L + 112_144_000 + 15;
        AssertError(reply, 400, "InvalidParameterValueException",
            $"Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is {total} bytes.");
    }

    [Test]
    public async Task LayerPermissions_AddGetRemove()
    {
        await Publish();
        var added = await Wire.Post("/2018-10-31/layers/shared/versions/1/policy", new { StatementId = "everyone", Action = "lambda:GetLayerVersion", Principal = "*" });
        var duplicate = await Wire.Post("/2018-10-31/layers/shared/versions/1/policy", new { StatementId = "everyone", Action = "lambda:GetLayerVersion", Principal = "*" });
        var policy = (await Wire.Get("/2018-10-31/layers/shared/versions/1/policy")).Json;

        Assert.That((int)added.Status, Is.EqualTo(201));
        Assert.That(added.Json.GetProperty("Statement").GetString(), Is.EqualTo(
            $$"""{"Sid":"everyone","Effect":"Allow","Principal":"*","Action":"lambda:GetLayerVersion","Resource":"{{LayerArn}}:1"}"""));
        Assert.That(policy.GetProperty("RevisionId").GetString(), Is.EqualTo(added.Json.GetProperty("RevisionId").GetString()));
        Assert.That(JsonNode.Parse(policy.GetProperty("Policy").GetString()!)!["Statement"]!.AsArray(), Has.Count.EqualTo(1));
        AssertError(duplicate, 409, "ResourceConflictException",
            "The statement id (everyone) provided already exists. Please provide a new statement id, or remove the existing statement.");
        Assert.That((int)(await Wire.Delete("/2018-10-31/layers/shared/versions/1/policy/everyone")).Status, Is.EqualTo(204));
        AssertError(await Wire.Delete("/2018-10-31/layers/shared/versions/1/policy/everyone"), 404, "ResourceNotFoundException", "Statement everyone is not found in resource policy.");
        AssertError(await Wire.Get("/2018-10-31/layers/shared/versions/7/policy"), 404, "ResourceNotFoundException", $"Layer version {LayerArn}:7 does not exist.");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_SetsAndClearsLayers()
    {
        await Publish();
        Assert.That((await Wire.CreateFunction("fn", Echo)).Status, Is.EqualTo(HttpStatusCode.Created));

        var set = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Layers = new[] { $"{LayerArn}:1" } });
        var cleared = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Layers = Array.Empty<string>() });

        Assert.That(set.Json.GetProperty("Layers")[0].GetProperty("Arn").GetString(), Is.EqualTo($"{LayerArn}:1"));
        Assert.That(cleared.Json.TryGetProperty("Layers", out _), Is.False);
    }
}
