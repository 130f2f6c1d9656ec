using System.Net;
using System.Text.Json;

namespace FakeAws.Tests.Protocol;

public class AdminEndpointTests : InMemoryHttpTest
{
    [Test]
    public async Task Health_IsOkAndListsTheServices()
    {
        var response = await Http.GetAsync("/_fakeaws/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(body.GetProperty("services").EnumerateArray().Select(s => s.GetString()), Does.Contain("dynamodb").And.Contain("states"));
    }

    [TestCase("{\"seconds\": -1}", "seconds must be a number from 0")]
    [TestCase("{\"seconds\": 1e13}", "seconds must be a number from 0")]
    [TestCase("{\"seconds\": 3", "The body must be JSON")]
    [TestCase("{\"seconds\": \"soon\"}", "The body must be JSON")]
    public async Task ClockAdvance_ABadBody_Is400WithTheReason_AndTheClockStays(string body, string reason)
    {
        var before = Aws.Clock.GetUtcNow();

        var response = await Http.PostAsync("/_fakeaws/clock/advance", new StringContent(body));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.GetProperty("message").GetString(), Does.StartWith(reason));
        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(before));
    }
}
