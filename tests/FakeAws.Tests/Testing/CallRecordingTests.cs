using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Testing;

/// <summary>The record of a run: every call the cloud answered, on both DynamoDB paths and between services.</summary>
public class CallRecordingTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [Test]
    public async Task Calls_ListEveryCallInOrder_WithRequestAndResponseAsJson()
    {
        await CreateTableAsync("orders");
        Time.Advance(TimeSpan.FromSeconds(5));
        await Ddb.PutItemAsync("orders", Item(("pk", S("a")), ("n", N("1"))));
        await Ddb.GetItemAsync("orders", Item(("pk", S("a"))));

        Assert.That(Aws.Calls.Select(c => c.Operation), Is.EqualTo(new[] { "CreateTable", "PutItem", "GetItem" }));
        var get = Aws.Calls[2];
        Assert.That((get.Service, get.Region, get.AccountId, get.Caller, get.ErrorCode), Is.EqualTo(("dynamodb", "us-east-1", "123456789012", (string?)null, (string?)null)));
        Assert.That(get.Time, Is.EqualTo(Start.AddSeconds(5)));
        Assert.That(get.Request["TableName"]!.GetValue<string>(), Is.EqualTo("orders"));
        Assert.That(get.Request["Key"]!.ToJsonString(), Is.EqualTo("""{"pk":{"S":"a"}}"""));
        Assert.That(get.Response!["Item"]!["n"]!.ToJsonString(), Is.EqualTo("""{"N":"1"}"""));
    }

    [Test]
    public async Task TheRecordOfARunWithAnInjectedFault_ShowsTheFailedCall()
    {
        await CreateTableAsync("orders");
        var fault = Aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", ErrorCode = "InternalServerError", StatusCode = 500, Times = 1 });
        Assert.ThrowsAsync<InternalServerErrorException>(() => Ddb.PutItemAsync("orders", Item(("pk", S("a")))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));

        var puts = Aws.Calls.Of("dynamodb", "PutItem");
        Assert.That(puts.Select(c => (c.ErrorCode, c.StatusCode)), Is.EqualTo(new[] { ("InternalServerError", (int?)500), (null, null) }));
        Assert.That(puts[0].Fault, Is.SameAs(fault));
        Assert.That(puts[1].Fault, Is.Null);
        Assert.That(puts[0].Response!["__type"]!.GetValue<string>(), Is.EqualTo("InternalServerError"));
        Assert.That(Aws.Calls.Failed, Is.EqualTo(new[] { puts[0] }));
    }

    [Test]
    public async Task ServiceErrors_AreRecordedWithTheirCodes()
    {
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Ddb.GetItemAsync("missing", Item(("pk", S("a")))));
        await Task.CompletedTask;

        Assert.That(Aws.Calls.Single().ErrorCode, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Recording_CanBeTurnedOff_AndCleared()
    {
        await CreateTableAsync("orders");
        Aws.Calls.Clear();
        Assert.That(Aws.Calls, Is.Empty);

        Aws.Calls.Enabled = false;
        await Ddb.PutItemAsync("orders", Item(("pk", S("a"))));
        Assert.That(Aws.Calls, Is.Empty);

        Aws.Calls.Enabled = true;
        await Ddb.PutItemAsync("orders", Item(("pk", S("b"))));
        Assert.That(Aws.Calls.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task RecordCallsOption_Off_RecordsNothing_ButFaultsStillFire()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false, DynamoDb = { UseWirePath = Path == DynamoDbPath.Wire } });
        using var ddb = aws.CreateClient<Amazon.DynamoDBv2.AmazonDynamoDBClient>();
        aws.Faults.Add(new FaultRule { Operation = "ListTables", ErrorCode = "InternalServerError", Times = 1 });

        Assert.ThrowsAsync<InternalServerErrorException>(() => ddb.ListTablesAsync(new ListTablesRequest()));
        await ddb.ListTablesAsync(new ListTablesRequest());
        Assert.That(aws.Calls, Is.Empty);
    }
}

/// <summary>Calls between services are recorded with their caller, and faults reach them.</summary>
public class ServiceCallRecordingTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static async Task<string> RunMachineAsync(FakeAwsCloud aws, string definition, string input)
    {
        var machine = (await aws.CallAsync("states", "CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = definition, ["roleArn"] = Role }))!
            ["stateMachineArn"]!.GetValue<string>();
        var execution = (await aws.CallAsync("states", "StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = input }))!
            ["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync();
        return execution;
    }

    [Test]
    public async Task LambdaPayloads_ShowEachInvocation_AndCallsFromStepFunctionsNameTheirCaller()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("double", (JsonElement input) => new { n = input.GetProperty("n").GetInt32() * 2 });
        await aws.Lambda.InvokeAsync("double", """{"n":1}""");

        await RunMachineAsync(aws, """
            {"StartAt": "Double", "States": {"Double": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double", "End": true}}}
            """, """{"n":21}""");

        Assert.That(aws.Calls.LambdaPayloads("double"), Is.EqualTo(new[] { """{"n":1}""", """{"n":21}""" }));
        var invokes = aws.Calls.Of("lambda", "Invoke");
        Assert.That(invokes.Select(c => c.Caller), Is.EqualTo(new[] { null, "states.amazonaws.com" }));
        Assert.That(aws.Calls.Of("states").Select(c => c.Operation), Is.EqualTo(new[] { "CreateStateMachine", "StartExecution" }));
    }

    [Test]
    public async Task AFaultOnLambda_ReachesAStepFunctionsTask()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("double", (JsonElement input) => new { n = input.GetProperty("n").GetInt32() * 2 });
        aws.Faults.Add(new FaultRule { Service = "lambda", Operation = "Invoke", Throttle = true, Times = 1 });

        var execution = await RunMachineAsync(aws, """
            {"StartAt": "Double", "States": {"Double": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "double", "Payload.$": "$"},
              "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 1}],
              "OutputPath": "$.Payload", "End": true}}}
            """, """{"n":21}""");

        var described = await aws.CallAsync("states", "DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.That(described!["output"]!.GetValue<string>(), Is.EqualTo("""{"n":42}"""));
        var invokes = aws.Calls.Of("lambda", "Invoke");
        Assert.That(invokes.Select(c => c.ErrorCode), Is.EqualTo(new[] { "TooManyRequestsException", null }));
        Assert.That(invokes[1].Time - invokes[0].Time, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }
}

/// <summary>Reads through a DAX cluster are the cluster's calls: recorded as DAX's, and open to faults.</summary>
public class DaxCallRecordingTests
{
    [Test]
    public async Task AClustersCalls_AreRecordedAndFaulted_AsDax()
    {
        using var aws = new FakeAwsCloud();
        using var ddb = aws.CreateClient<Amazon.DynamoDBv2.AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        });
        aws.Dax.CreateCluster("cache");
        using var dax = aws.Dax.CreateClient("cache");
        aws.Faults.Add(new FaultRule { Service = "dax", Operation = "GetItem", ErrorCode = "InternalServerError", Times = 1 });
        var key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "a" } };

        Assert.ThrowsAsync<InternalServerErrorException>(() => dax.GetItemAsync("orders", key));
        await dax.GetItemAsync("orders", key);

        Assert.That(aws.Calls.Of("dax", "GetItem").Select(c => c.ErrorCode), Is.EqualTo(new[] { "InternalServerError", null }));
    }
}
