using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Protocol;

/// <summary>
/// A cloud holding real resources of every service with a front door, so that a request has something
/// to change or damage: a function with a version, an alias, a permission and an event source mapping on
/// a table's stream; a table with an index, items, a stream, Time to Live, point-in-time recovery and a
/// backup; a state machine with a version, an alias and an execution, and an activity; a user pool with a
/// user, a group and a client; an identity pool and an identity; a REST API with a resource, a method, an
/// integration and a deployment; an HTTP API with an integration, a route and a stage; a WebSocket API; a
/// DAX cluster with a parameter group and a subnet group. <see cref="Known"/> names them by the members
/// that take them, for requests aimed at them.
/// </summary>
internal sealed class SeededCloud : IDisposable
{
    private const string Account = "123456789012";
    private const string Role = $"arn:aws:iam::{Account}:role/fuzz";

    private readonly Dictionary<string, List<string>> _known = new(StringComparer.OrdinalIgnoreCase);

    private SeededCloud()
    {
        Aws = new FakeAwsCloud();
        Http = new HttpClient(Aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(Aws.ServiceUrl) };
        Operations = FrontDoorOperation.AllOf(Aws);
    }

    public FakeAwsCloud Aws { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<FrontDoorOperation> Operations { get; }

    /// <summary>The seeded resources' names, ids and ARNs, by the member names (any case) that take them.</summary>
    public IReadOnlyDictionary<string, List<string>> Known => _known;

    public static async Task<SeededCloud> CreateAsync()
    {
        var cloud = new SeededCloud();
        try
        {
            await cloud.SeedAsync();
        }
        catch
        {
            cloud.Dispose();
            throw;
        }
        return cloud;
    }

    /// <summary>Every service's state in the snapshot format, written whole (strings and handlers too), so two are equal only when the states are.</summary>
    public byte[] State()
    {
        using var buffer = new MemoryStream();
        Aws.Snapshot().Save(buffer);
        return buffer.ToArray();
    }

    /// <summary>Sends a request, answered in full.</summary>
    public (HttpStatusCode Status, string Body) Send(HttpRequestMessage request)
    {
        using var response = Http.Send(request);
        return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        Http.Dispose();
        Aws.Dispose();
    }

    private async Task SeedAsync()
    {
        var table = await Call("DynamoDB", "CreateTable", new
        {
            TableName = "fuzz",
            BillingMode = "PAY_PER_REQUEST",
            KeySchema = new[] { new { AttributeName = "pk", KeyType = "HASH" }, new { AttributeName = "sk", KeyType = "RANGE" } },
            AttributeDefinitions = new[]
            {
                new { AttributeName = "pk", AttributeType = "S" }, new { AttributeName = "sk", AttributeType = "N" }, new { AttributeName = "b", AttributeType = "S" },
            },
            GlobalSecondaryIndexes = new[]
            {
                new { IndexName = "by-b", KeySchema = new[] { new { AttributeName = "b", KeyType = "HASH" } }, Projection = new { ProjectionType = "ALL" } },
            },
            StreamSpecification = new { StreamEnabled = true, StreamViewType = "NEW_AND_OLD_IMAGES" },
        });
        Remember(["TableName"], "fuzz");
        Remember(["IndexName"], "by-b");
        Remember(["ResourceArn", "TableArn", "Arn"], table["TableDescription"]!["TableArn"]!.GetValue<string>());
        var streamArn = table["TableDescription"]!["LatestStreamArn"]!.GetValue<string>();
        Remember(["StreamArn", "EventSourceArn"], streamArn);
        await Aws.RunUntilIdleAsync();
        for (var i = 0; i < 3; i++)
        {
            await Call("DynamoDB", "PutItem", new
            {
                TableName = "fuzz",
                Item = new Dictionary<string, object> { ["pk"] = new { S = "k" + i }, ["sk"] = new { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ["b"] = new { S = "x" } },
            });
        }
        await Call("DynamoDB", "UpdateTimeToLive", new { TableName = "fuzz", TimeToLiveSpecification = new { Enabled = true, AttributeName = "ttl" } });
        await Call("DynamoDB", "UpdateContinuousBackups", new { TableName = "fuzz", PointInTimeRecoverySpecification = new { PointInTimeRecoveryEnabled = true } });
        var backup = await Call("DynamoDB", "CreateBackup", new { TableName = "fuzz", BackupName = "nightly" });
        Remember(["BackupArn"], backup["BackupDetails"]!["BackupArn"]!.GetValue<string>());
        var shards = await Call("DynamoDB Streams", "DescribeStream", new { StreamArn = streamArn });
        var shard = shards["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        Remember(["ShardId", "ExclusiveStartShardId"], shard);
        var iterator = await Call("DynamoDB Streams", "GetShardIterator", new { StreamArn = streamArn, ShardId = shard, ShardIteratorType = "TRIM_HORIZON" });
        Remember(["ShardIterator"], iterator["ShardIterator"]!.GetValue<string>());

        var function = Aws.Lambda.AddFunction("fuzz-fn", static (JsonElement input) => input);
        Remember(["FunctionName"], "fuzz-fn", function);
        await Aws.RunUntilIdleAsync();
        await Call("Lambda", "PublishVersion", new { FunctionName = "fuzz-fn" });
        await Call("Lambda", "CreateAlias", new { FunctionName = "fuzz-fn", Name = "live", FunctionVersion = "1" });
        Remember(["Qualifier", "Name"], "live");
        Remember(["FunctionVersion", "Qualifier"], "1");
        await Call("Lambda", "AddPermission", new { FunctionName = "fuzz-fn", StatementId = "s1", Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com" });
        Remember(["StatementId", "Sid"], "s1");
        var mapping = await Call("Lambda", "CreateEventSourceMapping", new { FunctionName = "fuzz-fn", EventSourceArn = streamArn, StartingPosition = "LATEST" });
        Remember(["UUID"], mapping["UUID"]!.GetValue<string>());
        await Aws.RunUntilIdleAsync();

        var definition = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";
        var machine = await Call("Step Functions", "CreateStateMachine", new { Name = "fuzz-sm", Definition = definition, RoleArn = Role, Publish = true });
        var machineArn = machine["stateMachineArn"]!.GetValue<string>();
        Remember(["StateMachineArn", "ResourceArn", "Arn"], machineArn);
        Remember(["StateMachineVersionArn"], machine["stateMachineVersionArn"]!.GetValue<string>());
        Remember(["Definition"], definition);
        var alias = await Call("Step Functions", "CreateStateMachineAlias", new
        {
            Name = "live",
            // Nested members go as the wire names them.
            RoutingConfiguration = new[] { new { stateMachineVersionArn = machine["stateMachineVersionArn"]!.GetValue<string>(), weight = 100 } },
        });
        Remember(["StateMachineAliasArn"], alias["stateMachineAliasArn"]!.GetValue<string>());
        var execution = await Call("Step Functions", "StartExecution", new { StateMachineArn = machineArn, Name = "run-1", Input = "{}" });
        Remember(["ExecutionArn"], execution["executionArn"]!.GetValue<string>());
        var activity = await Call("Step Functions", "CreateActivity", new { Name = "fuzz-activity" });
        Remember(["ActivityArn"], activity["activityArn"]!.GetValue<string>());
        Remember(["RoleArn", "Role"], Role);

        var pool = (await Call("CognitoIdentityProvider", "CreateUserPool", new { PoolName = "fuzz-pool" }))["UserPool"]!;
        var poolId = pool["Id"]!.GetValue<string>();
        Remember(["UserPoolId"], poolId);
        Remember(["ResourceArn", "Arn"], pool["Arn"]!.GetValue<string>());
        var client = await Call("CognitoIdentityProvider", "CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "web" });
        Remember(["ClientId"], client["UserPoolClient"]!["ClientId"]!.GetValue<string>());
        await Call("CognitoIdentityProvider", "AdminCreateUser", new { UserPoolId = poolId, Username = "ada", TemporaryPassword = "Passw0rd!x" });
        Remember(["Username"], "ada");
        await Call("CognitoIdentityProvider", "CreateGroup", new { UserPoolId = poolId, GroupName = "admins" });
        Remember(["GroupName"], "admins");
        await Call("CognitoIdentityProvider", "AdminAddUserToGroup", new { UserPoolId = poolId, Username = "ada", GroupName = "admins" });
        var identityPool = await Call("CognitoIdentity", "CreateIdentityPool", new
        {
            IdentityPoolName = "fuzz_identities",
            AllowUnauthenticatedIdentities = true,
            CognitoIdentityProviders = new[] { new { ProviderName = $"cognito-idp.us-east-1.amazonaws.com/{poolId}", ClientId = client["UserPoolClient"]!["ClientId"]!.GetValue<string>() } },
        });
        var identityPoolId = identityPool["IdentityPoolId"]!.GetValue<string>();
        Remember(["IdentityPoolId"], identityPoolId);
        var identity = await Call("CognitoIdentity", "GetId", new { IdentityPoolId = identityPoolId, AccountId = Account });
        Remember(["IdentityId"], identity["IdentityId"]!.GetValue<string>());

        var restApi = (await Call("API Gateway", "CreateRestApi", new { Name = "fuzz-rest" }))["id"]!.GetValue<string>();
        Remember(["RestApiId"], restApi);
        var root = (await Call("API Gateway", "GetResources", new { RestApiId = restApi }))["item"]![0]!["id"]!.GetValue<string>();
        var resource = (await Call("API Gateway", "CreateResource", new { RestApiId = restApi, ParentId = root, PathPart = "items" }))["id"]!.GetValue<string>();
        Remember(["ResourceId", "ParentId"], resource, root);
        await Call("API Gateway", "PutMethod", new { RestApiId = restApi, ResourceId = resource, HttpMethod = "GET", AuthorizationType = "NONE" });
        Remember(["HttpMethod"], "GET");
        await Call("API Gateway", "PutIntegration", new { RestApiId = restApi, ResourceId = resource, HttpMethod = "GET", Type = "MOCK" });
        var deployment = (await Call("API Gateway", "CreateDeployment", new { RestApiId = restApi, StageName = "prod" }))["id"]!.GetValue<string>();
        Remember(["DeploymentId"], deployment);
        Remember(["StageName"], "prod");

        var httpApi = (await Call("ApiGatewayV2", "CreateApi", new { Name = "fuzz-http", ProtocolType = "HTTP" }))["apiId"]!.GetValue<string>();
        var integration = (await Call("ApiGatewayV2", "CreateIntegration", new
        {
            ApiId = httpApi,
            IntegrationType = "AWS_PROXY",
            IntegrationUri = function,
            PayloadFormatVersion = "2.0",
        }))["integrationId"]!.GetValue<string>();
        var route = (await Call("ApiGatewayV2", "CreateRoute", new { ApiId = httpApi, RouteKey = "GET /items", Target = "integrations/" + integration }))["routeId"]!.GetValue<string>();
        await Call("ApiGatewayV2", "CreateStage", new { ApiId = httpApi, StageName = "$default", AutoDeploy = true });
        var webSocketApi = (await Call("ApiGatewayV2", "CreateApi", new { Name = "fuzz-ws", ProtocolType = "WEBSOCKET", RouteSelectionExpression = "$request.body.action" }))["apiId"]!.GetValue<string>();
        Remember(["ApiId"], httpApi, webSocketApi);
        Remember(["IntegrationId"], integration);
        Remember(["RouteId"], route);
        Remember(["StageName"], "$default");

        Aws.Dax.CreateCluster("fuzz-dax");
        Remember(["ClusterName"], "fuzz-dax");
        await Call("DAX", "CreateParameterGroup", new { ParameterGroupName = "fuzz-params" });
        Remember(["ParameterGroupName"], "fuzz-params");
        await Call("DAX", "CreateSubnetGroup", new { SubnetGroupName = "fuzz-subnets", SubnetIds = new[] { "subnet-1" } });
        Remember(["SubnetGroupName"], "fuzz-subnets");
        await Aws.RunUntilIdleAsync();
    }

    private void Remember(string[] members, params string[] values)
    {
        foreach (var member in members)
        {
            if (!_known.TryGetValue(member, out var list))
            {
                _known[member] = list = [];
            }
            list.AddRange(values);
        }
    }

    // One request of the seed, through the same front door as the fuzzed ones; it must succeed.
    private async Task<JsonNode> Call(string service, string operation, object members)
    {
        var target = Operations.Single(o => o.ServiceName == service && o.Name == operation);
        using var request = target.Request(JsonSerializer.SerializeToNode(members)!.AsObject());
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(300), $"seeding {target}: {body}");
        return JsonNode.Parse(body.Length > 0 ? body : "{}")!;
    }
}
