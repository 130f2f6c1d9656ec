using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using FakeAws.Protocol;

namespace FakeAws.Tests.Core;

/// <summary>A cloud builds each service when it is first used, and routes to services it has not built yet.</summary>
public class LazyServicesTests
{
    [Test]
    public void EmptyCloud_AllocatesAtMost100KB()
    {
        // The first cloud of the process pays for type loading and static routes; measure a later one.
        new FakeAwsCloud().Dispose();

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var aws = new FakeAwsCloud();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.LessThanOrEqualTo(100_000));
        Assert.That(aws.Router.Services.OfType<DeferredFrontDoor>().Count(), Is.EqualTo(aws.Router.Services.Count), "nothing is built up front");
    }

    [Test]
    public void EveryDeferredRoute_IsTheRouteOfTheFrontDoorItBuilds()
    {
        using var aws = new FakeAwsCloud();

        foreach (var door in aws.Router.Services)
        {
            var built = door.Resolved;
            Assert.That(built, Is.Not.InstanceOf<DeferredFrontDoor>());
            Assert.That((built.Route.SigningName, built.Route.TargetPrefix), Is.EqualTo((door.Route.SigningName, door.Route.TargetPrefix)), built.GetType().Name);
        }
    }

    [TestCase("POST", "/", "DynamoDB_20120810.ListTables", "dynamodb", "{\"TableNames\":[]}")]
    [TestCase("POST", "/", "DynamoDBStreams_20120810.ListStreams", "dynamodb", "{\"Streams\":[]}")]
    [TestCase("POST", "/", "AWSStepFunctions.ListStateMachines", "states", "{\"stateMachines\":[]}")]
    [TestCase("POST", "/", "AWSCognitoIdentityProviderService.ListUserPools", "cognito-idp", "{\"UserPools\":[]}", "{\"MaxResults\":10}")]
    [TestCase("POST", "/", "AWSCognitoIdentityService.ListIdentityPools", "cognito-identity", "{\"IdentityPools\":[]}", "{\"MaxResults\":10}")]
    [TestCase("POST", "/", "AmazonDAXV3.DescribeClusters", "dax", "{\"Clusters\":[]}")]
    [TestCase("GET", "/2015-03-31/functions/", null, "lambda", "{\"Functions\":[]}")]
    [TestCase("GET", "/restapis", null, "apigateway", "{\"item\":[]}")]
    [TestCase("GET", "/v2/apis", null, "apigateway", "{\"items\":[]}")]
    public async Task FirstRequest_ReachesAServiceNotYetBuilt(string method, string path, string? target, string service, string expected, string body = "{}")
    {
        using var aws = new FakeAwsCloud();
        using var http = new HttpClient(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=x");
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith(expected.TrimEnd('}')));
    }

    [Test]
    public async Task HostFormsAndPaths_ReachServicesNotYetBuilt()
    {
        using var aws = new FakeAwsCloud();
        using var http = new HttpClient(aws.CreateHttpMessageHandler());

        using var api = await http.GetAsync("https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/x");
        using var jwks = await http.GetAsync($"{aws.ServiceUrl}/us-east-1_nopool/.well-known/jwks.json");
        using var cluster = await http.PostAsync($"http://gone.dax.{aws.Id}.fakeaws.invalid/", new StringContent("{}"));

        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("Not Found").Or.Contain("Forbidden").IgnoreCase, "API Gateway's answer for an API that does not exist");
        Assert.That(await jwks.Content.ReadAsStringAsync(), Does.Contain("User pool us-east-1_nopool does not exist."));
        Assert.That(await cluster.Content.ReadAsStringAsync(), Does.Contain("ResourceNotFoundException").Or.Contain("No available DAX cluster"));
    }

    [Test]
    public async Task ServiceCallsAndHelpers_BuildTheirService()
    {
        using var aws = new FakeAwsCloud();
        aws.Reset();

        var machines = await aws.CallAsync("states", "ListStateMachines");
        aws.Lambda.AddFunction("double", (int x) => x * 2);
        var reply = await aws.Lambda.InvokeAsync("double", 21);
        var tables = await aws.CreateClient<AmazonDynamoDBClient>().ListTablesAsync();

        Assert.That(machines!["stateMachines"]!.AsArray(), Is.Empty);
        Assert.That(reply.PayloadAs<int>(), Is.EqualTo(42));
        Assert.That(tables.TableNames, Is.Empty);
        aws.Reset();
        Assert.ThrowsAsync<FakeAws.Engine.Core.AwsServiceException>(() => aws.Lambda.InvokeAsync("double", 1));
    }
}
