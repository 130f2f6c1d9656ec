using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace FakeAws.Tests.Protocol;

/// <summary><see cref="FakeAwsOptions.VerifySignatures"/>: SigV4 checked against the cloud's credentials, with AWS's errors.</summary>
public class SignatureTests
{
    private FakeAwsCloud _aws = null!;

    [SetUp]
    public void Create() => _aws = new FakeAwsCloud(new FakeAwsOptions { VerifySignatures = true });

    [TearDown]
    public void Dispose() => _aws.Dispose();

    private AmazonDynamoDBClient Client(string accessKey, string secretKey) =>
        new(new BasicAWSCredentials(accessKey, secretKey), _aws.Configure(new AmazonDynamoDBConfig()));

    private static AmazonDynamoDBException Fails(Func<Task> call) => Assert.ThrowsAsync<AmazonDynamoDBException>(() => call())!;

    [Test]
    public async Task TheCloudsOwnCredentials_AreAccepted()
    {
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();

        Assert.That((await ddb.ListTablesAsync()).TableNames, Is.Empty);
    }

    [Test]
    public void AnotherAccessKey_IsUnrecognizedClient()
    {
        using var ddb = Client("AKIAOTHER00000000000", "fakeaws-secret-access-key");

        var error = Fails(() => ddb.ListTablesAsync());

        Assert.That(error.ErrorCode, Is.EqualTo("UnrecognizedClientException"));
        Assert.That(error.Message, Is.EqualTo("The security token included in the request is invalid."));
        Assert.That((int)error.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void AnotherSecret_IsInvalidSignature()
    {
        var key = _aws.Credentials.GetCredentials().AccessKey;
        using var ddb = Client(key, "not-the-secret");

        var error = Fails(() => ddb.ListTablesAsync());

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(error.Message, Is.EqualTo("The request signature we calculated does not match the signature you provided. " +
                                              "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."));
    }

    [Test]
    public void ASignatureOlderThan15MinutesOnTheCloudsClock_HasExpired()
    {
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        _aws.Clock.Advance(TimeSpan.FromMinutes(20));
        var now = _aws.Clock.GetUtcNow().UtcDateTime;

        var error = Fails(() => ddb.ListTablesAsync());

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(error.Message, Does.StartWith("Signature expired: "));
        Assert.That(error.Message, Does.EndWith($" is now earlier than {now.AddMinutes(-15):yyyyMMdd'T'HHmmss'Z'} ({now:yyyyMMdd'T'HHmmss'Z'} - 15 min.)"));
    }

    [Test]
    public void ASignatureMoreThan15MinutesAhead_IsNotYetCurrent()
    {
        using var past = new FakeAwsCloud(new FakeAwsOptions { VerifySignatures = true, TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)) });
        using var ddb = past.CreateClient<AmazonDynamoDBClient>();

        var error = Fails(() => ddb.ListTablesAsync());

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(error.Message, Does.StartWith("Signature not yet current: "));
        Assert.That(error.Message, Does.EndWith(" is still later than 20200101T001500Z (20200101T000000Z + 15 min.)"));
    }

    [Test]
    public async Task NoAuthorizationHeader_IsMissingAuthenticationToken()
    {
        using var http = new HttpClient(_aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(_aws.ServiceUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810.ListTables");

        using var response = await http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"""));
    }

    [Test]
    public async Task RestServices_AreCheckedToo_With403AndTheErrorTypeHeader()
    {
        using var http = new HttpClient(_aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(_aws.ServiceUrl) };

        using var response = await http.GetAsync("/2015-03-31/functions/");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(response.Headers.GetValues("X-Amzn-ErrorType").Single(), Is.EqualTo("MissingAuthenticationTokenException"));
    }
}
