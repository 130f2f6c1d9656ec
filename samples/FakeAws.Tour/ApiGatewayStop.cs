using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tour;

/// <summary>An HTTP API in front of a Lambda function, called with a plain HttpClient, all in memory.</summary>
internal static class ApiGatewayStop
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var function = aws.Lambda.AddFunction("hello", (JsonElement request) => new
        {
            statusCode = 200,
            headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            body = JsonSerializer.Serialize(new { greeting = $"hello {request.GetProperty("pathParameters").GetProperty("name").GetString()}", route = request.GetProperty("routeKey").GetString() }),
        });

        using var management = new RawAws(aws, "apigateway");
        var (_, created, _) = await management.SendAsync(HttpMethod.Post, "/v2/apis", new { name = "greetings", protocolType = "HTTP" });
        var apiId = JsonNode.Parse(created)!["apiId"]!.GetValue<string>();
        var (_, integration, _) = await management.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/integrations",
            new { integrationType = "AWS_PROXY", integrationUri = function, payloadFormatVersion = "2.0" });
        var integrationId = JsonNode.Parse(integration)!["integrationId"]!.GetValue<string>();
        await management.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/routes", new { routeKey = "GET /hello/{name}", target = $"integrations/{integrationId}" });
        await management.SendAsync(HttpMethod.Post, $"/v2/apis/{apiId}/stages", new { stageName = "$default", autoDeploy = true });

        // As on AWS, the function's resource-based policy must let API Gateway invoke it; without this
        // statement the call below is answered 500 (FakeAwsOptions.Lambda.EnforceResourcePolicies turns the check off).
        using (var lambda = new RawAws(aws, "lambda"))
        {
            await lambda.SendAsync(HttpMethod.Post, "/2015-03-31/functions/hello/policy", new
            {
                StatementId = "greetings-api",
                Action = "lambda:InvokeFunction",
                Principal = "apigateway.amazonaws.com",
                SourceArn = $"arn:aws:execute-api:{aws.Options.Region}:{aws.Options.AccountId}:{apiId}/*/*/hello/{{name}}",
            });
        }

        using var http = aws.ApiGateway.CreateHttpClient(apiId, "$default");
        var hello = await http.GetAsync("hello/ada");
        Stop.Say($"GET {hello.RequestMessage!.RequestUri} -> {(int)hello.StatusCode} {await hello.Content.ReadAsStringAsync()}");
        var unknown = await http.GetAsync("nowhere");
        Stop.Say($"GET /nowhere -> {(int)unknown.StatusCode} {await unknown.Content.ReadAsStringAsync()}");
    }
}
