using System.Security.Cryptography.X509Certificates;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Client certificates: generated, listed, described and deleted through the management API.</summary>
public class ClientCertificateTests : ApiGatewayTestBase
{
    [Test]
    public async Task Generate_ARealCertificateValidFor365DaysOnTheClock()
    {
        var reply = await Api.Post("/clientcertificates", new { description = "backend", tags = new Dictionary<string, string> { ["team"] = "a" } });

        AssertStatus(reply, 201);
        var json = reply.Json;
        using var certificate = X509Certificate2.CreateFromPem(json.GetProperty("pemEncodedCertificate").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("description").GetString(), Is.EqualTo("backend"));
            Assert.That(json.GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("a"));
            Assert.That(json.GetProperty("createdDate").GetDouble(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(json.GetProperty("expirationDate").GetDouble(), Is.EqualTo(Start.AddDays(365).ToUnixTimeSeconds()));
            Assert.That(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), Is.EqualTo(Start.AddDays(365)));
            Assert.That(certificate.Subject, Is.EqualTo($"CN={json.GetProperty("clientCertificateId").GetString()}"));
        });
    }

    [Test]
    public async Task GetUpdateListDelete_AndNotFound()
    {
        var id = (await Api.Post("/clientcertificates", new { description = "one" })).Json.GetProperty("clientCertificateId").GetString();

        var updated = await Api.PatchOperations($"/clientcertificates/{id}", new { op = "replace", path = "/description", value = "two" });
        var badPatch = await Api.PatchOperations($"/clientcertificates/{id}", new { op = "replace", path = "/pemEncodedCertificate", value = "x" });
        var list = await Api.Get("/clientcertificates");
        AssertStatus(await Api.Delete($"/clientcertificates/{id}"), 202);
        var gone = await Api.Get($"/clientcertificates/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Json.GetProperty("description").GetString(), Is.EqualTo("two"));
            AssertError(badPatch, 400, "BadRequestException", "Invalid patch path  '/pemEncodedCertificate' specified for op 'replace'. Must be one of: [/description]");
            Assert.That(list.Json.GetProperty("item").EnumerateArray().Select(c => c.GetProperty("clientCertificateId").GetString()), Is.EqualTo(new[] { id }));
            AssertError(gone, 404, "NotFoundException", "Invalid Client Certificate identifier specified");
        });
    }
}
