using System.Net;
using System.Text;
using System.Xml.Linq;

namespace FakeAws.Tests.Protocol;

public class UnservedServiceTests : InMemoryHttpTest
{
    private static HttpRequestMessage Signed(HttpMethod method, string path, string service)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        return request;
    }

    [Test]
    public async Task S3_AnswersInS3sXml_NamingTheService()
    {
        var response = await Http.SendAsync(Signed(HttpMethod.Get, "/my-bucket?list-type=2", "s3"));
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
        Assert.That(error.Name.LocalName, Is.EqualTo("Error"));
        Assert.That(error.Element("Code")!.Value, Is.EqualTo("NotImplemented"));
        Assert.That(error.Element("Message")!.Value, Does.StartWith("FakeAws does not serve Amazon S3 (s3)."));
    }

    [Test]
    public async Task Sqs_OverTheQueryProtocol_AnswersAQueryXmlSenderError()
    {
        var request = Signed(HttpMethod.Post, "/", "sqs");
        request.Content = new StringContent("Action=ListQueues&Version=2012-11-05", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await Http.SendAsync(request);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Error")!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Element("Type")!.Value, Is.EqualTo("Sender"));
        Assert.That(error.Element("Code")!.Value, Is.EqualTo("InvalidAction"));
        Assert.That(error.Element("Message")!.Value, Does.StartWith("FakeAws does not serve Amazon SQS (sqs)."));
    }

    [Test]
    public async Task Sqs_OverJson_AnswersJsonNamingTheService()
    {
        var request = Signed(HttpMethod.Post, "/", "sqs");
        request.Headers.Add("X-Amz-Target", "AmazonSQS.ListQueues");
        request.Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0");

        var response = await Http.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("__type").GetString(), Is.EqualTo("UnknownOperationException"));
        Assert.That(body.GetProperty("message").GetString(), Does.StartWith("FakeAws does not serve Amazon SQS (sqs)."));
    }
}
