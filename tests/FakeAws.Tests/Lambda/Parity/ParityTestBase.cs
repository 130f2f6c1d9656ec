using System.Text.Json;

namespace FakeAws.Tests.Lambda.Parity;

/// <summary>
/// Helpers for the tests that port facts from AWS-recorded responses (LocalStack's snapshot tests
/// validated against AWS): each test asserts what AWS answered in the recording it names.
/// </summary>
public abstract class ParityTestBase : LambdaTestBase
{
    /// <summary>The partial ARN of a function, as the snapshots' requests name one.</summary>
    protected const string Account = "123456789012";

    /// <summary>Whether a JSON object has a member, so a test can say which members AWS leaves out.</summary>
    protected static bool HasMember(JsonElement json, string member) => json.TryGetProperty(member, out _);

    /// <summary>A member's string value.</summary>
    protected static string? Str(JsonElement json, string member) => json.GetProperty(member).GetString();

    /// <summary>Creates an echo function with optional settings and returns the create response.</summary>
    protected async Task<WireReply> CreateAsync(string name, object? settings = null)
    {
        var reply = await Wire.CreateFunction(name, Echo, settings);
        AssertOk(reply, 201);
        return reply;
    }

    /// <summary>Creates a function and publishes version 1.</summary>
    protected async Task<WireReply> CreateAndPublishAsync(string name)
    {
        await CreateAsync(name);
        var published = await Wire.PublishVersion(name);
        AssertOk(published, 201);
        return published;
    }

    protected static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Asserts an AWS error whose message AWS words with a part FakeAws cannot reproduce verbatim (a list or pattern that changes over time).</summary>
    protected static void AssertErrorStartsWith(WireReply reply, int status, string code, string messageStart)
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());
            Assert.That(reply.ErrorType, Is.EqualTo(code), reply.ToString());
            Assert.That(reply.Message, Does.StartWith(messageStart), reply.ToString());
        });
    }
}
