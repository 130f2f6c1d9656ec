using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.ApiGateway;

/// <summary>REST APIs' non-proxy integrations (AWS to Lambda and to other services, HTTP, MOCK) with mapping templates, through HttpClient.</summary>
public partial class NonProxyIntegrationTests : ApiGatewayTestBase
{
    // AWS's "Mapping template examples": the photos response template and its expected output.
    private const string PhotosTemplate = """
        #set($inputRoot = $input.path('$'))
        {
          "photos": [
        #foreach($elem in $inputRoot.photos.photo)
            {
              "id": "$elem.id",
              "photographedBy": "$elem.photographer_first_name $elem.photographer_last_name",
              "title": "$elem.title",
              "ispublic": $elem.ispublic,
              "isfriend": $elem.isfriend,
              "isfamily": $elem.isfamily
            }#if($foreach.hasNext),#end

        #end
          ]
        }
        """;

    private const string Photos = """
        {"photos": {"page": 1, "pages": "1234", "perpage": 100, "total": "123398", "photo": [
          {"id": "12345678901", "owner": "23456789@A12", "photographer_first_name": "Saanvi", "photographer_last_name": "Sarkar",
           "secret": "abc123d456", "server": "1234", "farm": 1, "title": "Sample photo 1", "ispublic": true, "isfriend": false, "isfamily": false},
          {"id": "23456789012", "owner": "34567890@B23", "photographer_first_name": "Richard", "photographer_last_name": "Roe",
           "secret": "bcd234e567", "server": "2345", "farm": 2, "title": "Sample photo 2", "ispublic": true, "isfriend": false, "isfamily": false}]}}
        """;

    private const string PhotosOutput = """
        {"photos": [
          {"id": "12345678901", "photographedBy": "Saanvi Sarkar", "title": "Sample photo 1", "ispublic": true, "isfriend": false, "isfamily": false},
          {"id": "23456789012", "photographedBy": "Richard Roe", "title": "Sample photo 2", "ispublic": true, "isfriend": false, "isfamily": false}]}
        """;

    private static Dictionary<string, string> Json(string template) => new() { ["application/json"] = template };

    private async Task<(string ApiId, string ResourceId)> MethodOn(string path = "/photos/{id}", string method = "POST")
    {
        var apiId = await CreateRestApi();
        var resourceId = await RootId(apiId);
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            resourceId = await CreateResource(apiId, resourceId, part);
        }
        await PutMethod(apiId, resourceId, method);
        return (apiId, resourceId);
    }

    private static void AssertJson(string actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)), Is.True, actual);

    [Test]
    public async Task Lambda_RequestAndResponseTemplates_TransformThePayload()
    {
        var (apiId, resourceId) = await MethodOn();
        JsonElement received = default;
        await AddFunctionIntegration(apiId, resourceId, "POST", "photos", (JsonElement input) =>
        {
            received = input.Clone();
            return JsonDocument.Parse(Photos).RootElement;
        }, requestTemplates: Json("""
            {
              "id": "$input.params('id')",
              "filter": $input.json('$.filter'),
              "who": "$util.escapeJavaScript($input.params('X-User'))",
              "stage": "$context.stage",
              "table": "$stageVariables.table"
            }
            """));
        await PutResponses(apiId, resourceId, "POST", 200, templates: Json(PhotosTemplate));
        await Deploy(apiId, variables: new { table = "photos-v2" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        using var request = new HttpRequestMessage(HttpMethod.Post, "photos/42") { Content = new StringContent("""{"filter": {"public": true}}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-User", "Jane \"JJ\" Doe");

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        AssertJson(body, PhotosOutput);
        Assert.That(Header(response, "Content-Type"), Is.EqualTo("application/json"));
        AssertJson(received.GetRawText(), """{"id": "42", "filter": {"public": true}, "who": "Jane \"JJ\" Doe", "stage": "prod", "table": "photos-v2"}""");
    }

    [Test]
    public async Task Lambda_ErrorMatchingASelectionPattern_MapsToItsStatus_OthersToTheDefault()
    {
        var (apiId, resourceId) = await MethodOn();
        await AddFunctionIntegration(apiId, resourceId, "POST", "find", (JsonElement input) =>
            input.GetProperty("id").GetString() == "ok" ? new { found = true } : throw new InvalidOperationException($"{input.GetProperty("id").GetString()}: something"));
        await PutResponses(apiId, resourceId, "POST", 200);
        await PutResponses(apiId, resourceId, "POST", 404, selectionPattern: "Not found:.*", templates: Json("""{"error": "$input.path('$.errorMessage')"}"""));
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var ok = await client.PostAsync("photos/1", new StringContent("""{"id": "ok"}""", Encoding.UTF8, "application/json"));
        using var notFound = await client.PostAsync("photos/1", new StringContent("""{"id": "Not found"}""", Encoding.UTF8, "application/json"));
        using var other = await client.PostAsync("photos/1", new StringContent("""{"id": "Boom"}""", Encoding.UTF8, "application/json"));

        Assert.That((int)ok.StatusCode, Is.EqualTo(200));
        AssertJson(await ok.Content.ReadAsStringAsync(), """{"found": true}""");
        Assert.That((int)notFound.StatusCode, Is.EqualTo(404));
        AssertJson(await notFound.Content.ReadAsStringAsync(), """{"error": "Not found: something"}""");
        Assert.That((int)other.StatusCode, Is.EqualTo(200), "an error no pattern matches takes the default response");
        Assert.That(JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("errorMessage").GetString(), Is.EqualTo("Boom: something"));
    }

    [Test]
    public async Task Lambda_NoDefaultResponse_InternalServerError()
    {
        var (apiId, resourceId) = await MethodOn();
        await AddFunctionIntegration(apiId, resourceId, "POST", "f", (JsonElement input) => new { ok = true });
        await PutResponses(apiId, resourceId, "POST", 400, selectionPattern: "Bad.*");
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.PostAsync("photos/1", new StringContent("{}")), 500, """{"message": "Internal server error"}""", "InternalServerErrorException");
    }

    /// <summary>A function behind POST /photos/{id} whose integration maps <c>X-Amz-Invocation-Type</c> from <paramref name="invocationType"/>.</summary>
    /// The function fails when the event has <c>fail</c>.
    private async Task<(string ApiId, List<string> Received)> AsyncFunctionApi(string invocationType)
    {
        var (apiId, resourceId) = await MethodOn();
        var received = new List<string>();
        AddFunction("worker", (JsonElement input) =>
        {
            lock (received)
            {
                received.Add(input.GetRawText());
            }
            return input.TryGetProperty("fail", out _) ? throw new InvalidOperationException("failed") : new { done = true };
        });
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/POST/integration", new
        {
            type = "AWS",
            httpMethod = "POST",
            uri = InvokeUri("worker"),
            requestParameters = new Dictionary<string, string> { ["integration.request.header.X-Amz-Invocation-Type"] = invocationType },
        }), 201);
        await PutResponses(apiId, resourceId, "POST", 200);
        await Deploy(apiId);
        return (apiId, received);
    }

    [Test]
    public async Task Lambda_StaticEventInvocationType_AnswersWithoutTheResult_LambdaRunsAndRetriesTheEvent()
    {
        var (apiId, received) = await AsyncFunctionApi("'Event'");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var ok = await client.PostAsync("photos/1", new StringContent("""{"job": 7}""", Encoding.UTF8, "application/json"));
        using var failing = await client.PostAsync("photos/1", new StringContent("""{"fail": true}""", Encoding.UTF8, "application/json"));

        Assert.That((int)ok.StatusCode, Is.EqualTo(200), "the default integration response maps Lambda's empty 202 answer");
        Assert.That(await ok.Content.ReadAsStringAsync(), Is.Empty, "the function's result does not come back");
        Assert.That((int)failing.StatusCode, Is.EqualTo(200), "a function error is Lambda's to retry, not the caller's");
        Assert.That(await failing.Content.ReadAsStringAsync(), Is.Empty);
        await Aws.RunUntilIdleAsync();
        Assert.That(received.Count(r => r.Contains("job", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(received.Count(r => r.Contains("fail", StringComparison.Ordinal)), Is.EqualTo(3), "Lambda's two retries of an asynchronous event");
    }

    [Test]
    public async Task Lambda_InvocationTypeFromMethodRequestHeader_ClientChooses()
    {
        var (apiId, received) = await AsyncFunctionApi("method.request.header.InvocationType");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var queued = new HttpRequestMessage(HttpMethod.Post, "photos/1") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        queued.Headers.Add("InvocationType", "Event");
        using var queuedResponse = await client.SendAsync(queued);
        Assert.That((int)queuedResponse.StatusCode, Is.EqualTo(200));
        Assert.That(await queuedResponse.Content.ReadAsStringAsync(), Is.Empty);

        using var waited = new HttpRequestMessage(HttpMethod.Post, "photos/1") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        waited.Headers.Add("InvocationType", "RequestResponse");
        using var waitedResponse = await client.SendAsync(waited);
        AssertJson(await waitedResponse.Content.ReadAsStringAsync(), """{"done": true}""");

        await Aws.RunUntilIdleAsync();
        Assert.That(received, Has.Count.EqualTo(2), "the queued event and the synchronous call each ran once");
    }

    [Test]
    public async Task Lambda_InvocationTypeLambdaRefuses_InternalServerError()
    {
        var (apiId, received) = await AsyncFunctionApi("'Later'");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.PostAsync("photos/1", new StringContent("{}", Encoding.UTF8, "application/json")), 500,
            """{"message": "Internal server error"}""", "InternalServerErrorException");
        Assert.That(received, Is.Empty);
    }

    [TestCase("WHEN_NO_MATCH", true, "text/plain", 200)]
    [TestCase("WHEN_NO_TEMPLATES", true, "text/plain", 415)]
    [TestCase("WHEN_NO_TEMPLATES", false, "text/plain", 200)]
    [TestCase("NEVER", false, "text/plain", 415)]
    [TestCase("NEVER", true, "application/json", 200)]
    public async Task Passthrough_ByBehaviourAndTemplates(string behaviour, bool withTemplate, string mediaType, int expected)
    {
        var (apiId, resourceId) = await MethodOn();
        await AddFunctionIntegration(apiId, resourceId, "POST", "f", (JsonElement input) => new { ok = true },
            requestTemplates: withTemplate ? Json("{}") : null, passthroughBehavior: behaviour);
        await PutResponses(apiId, resourceId, "POST", 200);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.PostAsync("photos/1", new StringContent("{}", Encoding.UTF8, mediaType));

        if (expected == 415)
        {
            await AssertGatewayError(response, 415, """{"message":"Unsupported Media Type"}""", "UnsupportedMediaTypeException");
        }
        else
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        }
    }

    [Test]
    public async Task Mock_TemplatedStatus_SelectsTheResponse_ResponseOverrideWins()
    {
        var (apiId, resourceId) = await MethodOn("/check", "GET");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration", new
        {
            type = "MOCK",
            requestTemplates = Json("""{"statusCode": #if($input.params('fail') == 'yes')503#else 200#end}"""),
        }), 201);
        await PutResponses(apiId, resourceId, "GET", 200, templates: Json("""
            #if($input.params('teapot') == 'yes')
            #set($context.responseOverride.status = 418)
            #set($context.responseOverride.header.X-Tea = "earl grey")
            #end
            {"request": "$context.requestId", "method": "$context.httpMethod", "path": "$context.resourcePath"}
            """));
        await PutResponses(apiId, resourceId, "GET", 500, selectionPattern: "5\\d{2}", templates: Json("""{"down": true}"""));
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var ok = await client.GetAsync("check");
        using var failed = await client.GetAsync("check?fail=yes");
        using var teapot = await client.GetAsync("check?teapot=yes");

        var okBody = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(async () =>
        {
            Assert.That((int)ok.StatusCode, Is.EqualTo(200));
            Assert.That(okBody.GetProperty("request").GetString(), Is.EqualTo(Header(ok, "x-amzn-RequestId")));
            Assert.That(okBody.GetProperty("method").GetString(), Is.EqualTo("GET"));
            Assert.That(okBody.GetProperty("path").GetString(), Is.EqualTo("/check"));
            Assert.That((int)failed.StatusCode, Is.EqualTo(500));
            AssertJson(await failed.Content.ReadAsStringAsync(), """{"down": true}""");
            Assert.That((int)teapot.StatusCode, Is.EqualTo(418));
            Assert.That(Header(teapot, "X-Tea"), Is.EqualTo("earl grey"));
        });
    }

    [Test]
    public async Task Http_ParametersMapped_StatusSelectsTheResponse_HeadersMappedBack()
    {
        HttpRequestMessage? seen = null;
        string? seenBody = null;
        Aws.ApiGateway.HttpIntegrationHandler = new Backend(async request =>
        {
            seen = request;
            seenBody = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            var response = new HttpResponseMessage(request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK)
            {
                Content = new StringContent("""{"name": "Rex", "kind": "dog"}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("X-Backend-Version", "7");
            return response;
        });
        var (apiId, resourceId) = await MethodOn("/pets/{id}", "GET");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/GET/integration", new
        {
            type = "HTTP",
            httpMethod = "POST",
            uri = "https://${stageVariables.backend}/v1/pets/{petId}",
            requestParameters = new Dictionary<string, string>
            {
                ["integration.request.path.petId"] = "method.request.path.id",
                ["integration.request.querystring.verbose"] = "method.request.querystring.v",
                ["integration.request.header.X-Caller"] = "'api-gateway'",
                ["integration.request.header.X-Request-Id"] = "context.requestId",
            },
            requestTemplates = Json("""{"pet": "$input.params('id')"}"""),
        }), 201);
        await PutResponses(apiId, resourceId, "GET", 200, templates: Json("""{"pet": "$input.path('$.name')"}"""),
            headers: new() { ["method.response.header.X-Version"] = "integration.response.header.X-Backend-Version", ["method.response.header.X-Kind"] = "integration.response.body.kind" });
        await PutResponses(apiId, resourceId, "GET", 404, selectionPattern: "404", templates: Json("""{"message": "no such pet"}"""));
        await Deploy(apiId, variables: new { backend = "pets.example.com" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var found = await client.GetAsync("pets/a%20b?v=1");
        var request = seen!;
        var requestBody = seenBody;
        using var missing = await client.GetAsync("pets/missing");

        Assert.Multiple(async () =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.RequestUri!.AbsoluteUri, Is.EqualTo("https://pets.example.com/v1/pets/a%20b?verbose=1"));
            Assert.That(request.Headers.GetValues("X-Caller").Single(), Is.EqualTo("api-gateway"));
            Assert.That(request.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo(Header(found, "x-amzn-RequestId")));
            Assert.That(requestBody, Is.EqualTo("""{"pet": "a b"}"""));
            Assert.That((int)found.StatusCode, Is.EqualTo(200));
            AssertJson(await found.Content.ReadAsStringAsync(), """{"pet": "Rex"}""");
            Assert.That(Header(found, "X-Version"), Is.EqualTo("7"));
            Assert.That(Header(found, "X-Kind"), Is.EqualTo("dog"));
            Assert.That((int)missing.StatusCode, Is.EqualTo(404));
            AssertJson(await missing.Content.ReadAsStringAsync(), """{"message": "no such pet"}""");
        });
    }

    [Test]
    public async Task HttpProxy_RequestAndAnswerPassThrough()
    {
        Aws.ApiGateway.HttpIntegrationHandler = new Backend(async request => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent($"{request.Method} {request.RequestUri} {request.Headers.GetValues("X-Test").Single()} {await request.Content!.ReadAsStringAsync()}"),
        });
        var (apiId, resourceId) = await MethodOn("/{proxy+}", "ANY");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/ANY/integration", new
        {
            type = "HTTP_PROXY",
            httpMethod = "ANY",
            uri = "http://backend.local/api/{proxy}",
            requestParameters = new Dictionary<string, string> { ["integration.request.path.proxy"] = "method.request.path.proxy" },
        }), 201);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        using var request = new HttpRequestMessage(HttpMethod.Put, "a/b?x=1") { Content = new StringContent("payload") };
        request.Headers.Add("X-Test", "yes");

        using var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("PUT http://backend.local/api/a/b?x=1 yes payload"));
    }

    [Test]
    public async Task AwsService_DynamoDbPutItem_ThroughTheActionUri()
    {
        using var dynamo = Aws.CreateClient<AmazonDynamoDBClient>();
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = "pets",
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var (apiId, resourceId) = await MethodOn("/pets/{id}", "PUT");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/PUT/integration", new
        {
            type = "AWS",
            httpMethod = "POST",
            uri = "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
            credentials = "arn:aws:iam::123456789012:role/apigw-dynamodb",
            requestTemplates = Json("""{"TableName": "pets", "Item": {"id": {"S": "$input.params('id')"}, "name": {"S": "$input.path('$.name')"}}}"""),
        }), 201);
        await PutResponses(apiId, resourceId, "PUT", 200, templates: Json("""{"stored": "$input.params('id')"}"""));
        await PutResponses(apiId, resourceId, "PUT", 400, selectionPattern: "4\\d{2}", templates: Json("""{"error": "$input.path('$.__type')"}"""));
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var stored = await client.PutAsync("pets/7", new StringContent("""{"name": "Rex"}""", Encoding.UTF8, "application/json"));
        var item = await dynamo.GetItemAsync("pets", new() { ["id"] = new AttributeValue { S = "7" } });

        Assert.That((int)stored.StatusCode, Is.EqualTo(200), await stored.Content.ReadAsStringAsync());
        AssertJson(await stored.Content.ReadAsStringAsync(), """{"stored": "7"}""");
        Assert.That(item.Item["name"].S, Is.EqualTo("Rex"));
    }

    [Test]
    public async Task AwsService_ServiceError_SelectedByItsStatus()
    {
        var (apiId, resourceId) = await MethodOn("/pets/{id}", "PUT");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{resourceId}/methods/PUT/integration", new
        {
            type = "AWS",
            httpMethod = "POST",
            uri = "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
            requestTemplates = Json("""{"TableName": "missing", "Item": {"id": {"S": "1"}}}"""),
        }), 201);
        await PutResponses(apiId, resourceId, "PUT", 200);
        await PutResponses(apiId, resourceId, "PUT", 400, selectionPattern: "4\\d{2}", templates: Json("""{"error": "$input.path('$.__type')"}"""));
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.PutAsync("pets/1", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        AssertJson(await response.Content.ReadAsStringAsync(), """{"error": "ResourceNotFoundException"}""");
    }

    /// <summary>A fake HTTP backend answering in memory.</summary>
    private sealed class Backend(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }
}
