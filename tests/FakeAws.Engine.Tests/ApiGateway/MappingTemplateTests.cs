using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Engine.Tests.ApiGateway;

/// <summary>API Gateway's template variables ($input, $util, $context, $stageVariables) over a request.</summary>
public class MappingTemplateTests
{
    private static MappingTemplate Mapping(string rawQuery = "", params (string Name, string Value)[] headers) => new(new InvocationContext
    {
        Request = new GatewayRequest { Method = "POST", Path = "/orders/7", RawQuery = rawQuery, Headers = headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList() },
        AccountId = "123456789012",
        Region = "us-east-1",
        ApiId = "abc123",
        Stage = "prod",
        Path = "/orders/7",
        RequestId = "req-1",
        ExtendedRequestId = "ext-1",
        TraceId = "Root=1-0",
        Time = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero),
        ResourcePath = "/orders/{id}",
        PathParameters = new(StringComparer.Ordinal) { ["id"] = "7" },
        StageVariables = new Dictionary<string, string> { ["table"] = "orders" },
    });

    // LocalStack's template that turns a request into a Kinesis PutRecords call.
    [Test]
    public void KinesisRecordsTemplate_RangesQuotedPathsAndBase64()
    {
        const string template = """
            {
                "StreamName": "stream-1",
                "Records": [
                    #set( $numRecords = $input.path('$.records').size() )
                    #if($numRecords > 0)
                    #set( $maxIndex = $numRecords - 1 )
                    #foreach( $idx in [0..$maxIndex] )
                    #set( $elem = $input.path("$.records[${idx}]") )
                    #set( $elemJsonB64 = $util.base64Encode($input.json("$.records[${idx}].data")) )
                    {
                        "Data": "$elemJsonB64",
                        "PartitionKey": #if( $elem.partitionKey != '')"$elem.partitionKey"#else"$elemJsonB64.length()"#end
                    }#if($foreach.hasNext),#end
                    #end
                    #end
                ]
            }
            """;
        const string body = """{"records": [{"data": {"foo": "foo1", "bar": "bar2"}, "partitionKey": "key123"}, {"data": {"foo": "foo1", "bar": "bar2"}, "partitionKey": ""}]}""";

        var result = JsonNode.Parse(Mapping().Render(template, body))!;

        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"foo":"foo1","bar":"bar2"}"""));
        Assert.Multiple(() =>
        {
            Assert.That(result["Records"]![0]!["Data"]!.GetValue<string>(), Is.EqualTo(data));
            Assert.That(result["Records"]![0]!["PartitionKey"]!.GetValue<string>(), Is.EqualTo("key123"));
            Assert.That(result["Records"]![1]!["PartitionKey"]!.GetValue<string>(), Is.EqualTo(data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    // AWS's "Examples using variables": every parameter passed on through $input.params().
    [Test]
    public void AllParamsTemplate_PathQueryAndHeaders()
    {
        const string template = """
            #set($allParams = $input.params())
            {
              "params" : {
                #foreach($type in $allParams.keySet())
                #set($params = $allParams.get($type))
                "$type" : {
                  #foreach($paramName in $params.keySet())
                  "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
                  #if($foreach.hasNext),#end
                  #end
                }
                #if($foreach.hasNext),#end
                #end
              }
            }
            """;

        var result = JsonNode.Parse(Mapping("color=red&size=L", ("X-Trace", "a\"b")).Render(template, ""))!;

        Assert.That(JsonNode.DeepEquals(result, JsonNode.Parse("""
            {"params": {"path": {"id": "7"}, "querystring": {"color": "red", "size": "L"}, "header": {"X-Trace": "a\"b"}}}
            """)), Is.True, result.ToJsonString());
    }

    [Test]
    public void InputContextStageVariablesAndUtil()
    {
        var mapping = Mapping("q=a%20b", ("Content-Type", "application/json"));

        var rendered = mapping.Render(
            "$input.params('id')|$input.params('q')|$input.params('content-type')|$input.params('none')|$input.json('$.a')|$input.path('$.a.b')|$input.json('$')|$input.body|"
            + "$context.stage|$context.resourcePath|$context.httpMethod|$context.requestId|$stageVariables.table|"
            + "$util.urlEncode('a b&c')|$util.urlDecode('a+b%26c')|$util.base64Decode($util.base64Encode('hé'))|$util.parseJson('{\"k\":[1,2]}').k.size()",
            """{"a": {"b": 1}}""");

        Assert.That(rendered, Is.EqualTo("""7|a b|application/json||{"b":1}|1|{"a":{"b":1}}|{"a": {"b": 1}}|prod|/orders/{id}|POST|req-1|orders|a+b%26c|a b&c|hé|2"""));
    }

    [Test]
    public void EmptyBody_JsonIsAnEmptyObject_NonJsonBodyIsTheRootPath()
    {
        Assert.That(Mapping().Render("$input.json('$')", ""), Is.EqualTo("{}"));
        Assert.That(Mapping().Render("#foreach($kv in $input.path('$').split('&'))[$kv]#end", "a=1&b=2"), Is.EqualTo("[a=1][b=2]"));
    }

    [Test]
    public void ResponseOverride_StatusAndHeaders()
    {
        var mapping = Mapping();

        mapping.Render("#set($context.responseOverride.status = 201)#set($context.responseOverride.header.Location = \"/orders/$input.params('id')\")", "");

        Assert.That(mapping.StatusOverride, Is.EqualTo(201));
        Assert.That(mapping.HeaderOverrides, Is.EqualTo(new[] { new KeyValuePair<string, string>("Location", "/orders/7") }));
    }
}
