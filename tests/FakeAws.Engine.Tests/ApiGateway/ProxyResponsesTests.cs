using System.Text;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Engine.Tests.ApiGateway;

public class ProxyResponsesTests
{
    private static GatewayResponse? Format1(string json) => ProxyResponses.FromFormat1(Encoding.UTF8.GetBytes(json));

    [Test]
    public void Format1_MultiValueHeadersWinOverHeaders()
    {
        var response = Format1("""{"statusCode":200,"headers":{"X-A":"single","X-B":"b"},"multiValueHeaders":{"X-A":["1","2"]},"body":"x"}""")!;

        Assert.That(response.Headers.Where(h => h.Key == "X-A").Select(h => h.Value), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(response.Header("X-B"), Is.EqualTo("b"));
        Assert.That(response.Header("Content-Type"), Is.EqualTo("application/json"));
    }

    [TestCase("""{"statusCode":200,"headers":{"X":{"nested":1}}}""")]
    [TestCase("""{"statusCode":200,"body":"not base64!","isBase64Encoded":true}""")]
    [TestCase("""{"statusCode":700}""")]
    [TestCase("""[]""")]
    [TestCase("""not json""")]
    public void Format1_Malformed_Null(string json) => Assert.That(Format1(json), Is.Null);

    [Test]
    public void Format1_EmptyObject_200WithNoBody()
    {
        var response = Format1("{}")!;

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Body, Is.Empty);
    }

    [Test]
    public void Format2_StatusCodeMakesItStructured()
    {
        var response = ProxyResponses.FromFormat2(Encoding.UTF8.GetBytes("""{"statusCode":204,"cookies":["a=1"]}"""))!;

        Assert.That(response.Status, Is.EqualTo(204));
        Assert.That(response.Header("Set-Cookie"), Is.EqualTo("a=1"));
    }
}
