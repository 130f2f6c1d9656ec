using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Resource-based policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy and CreateTable's
/// ResourcePolicy, with AWS's revisions, canonical form and errors (moto's AWS-verified tests, ack-api-quirks).
/// </summary>
public class ResourcePolicyTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

    private static string Policy(string action = "dynamodb:GetItem", string effect = "Allow", string principal = "{\"AWS\":\"111122223333\"}") =>
        $$"""
        {
            "Version": "2012-10-17",
            "Statement": [ { "Sid": "Reader", "Effect": "{{effect}}", "Principal": {{principal}}, "Action": ["{{action}}"], "Resource": "{{Arn}}" } ]
        }
        """;

    private Task<PutResourcePolicyResponse> PutAsync(string policy, string? expected = null, string arn = Arn) =>
        Ddb.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = policy, ExpectedRevisionId = expected });

    private Task<GetResourcePolicyResponse> GetAsync(string arn = Arn) => Ddb.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn });

    private static string Epoch(DateTimeOffset at, int plus = 0) => (at.ToUnixTimeMilliseconds() + plus).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void PolicyNotFound(Func<Task> call, string message) =>
        Assert.That(Fails<PolicyNotFoundException>(call, message).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));

    [Test]
    public async Task Put_ThenGet_AnswersTheCanonicalPolicyAndAnEpochMillisecondRevision()
    {
        await CreateTableAsync("orders");

        var revision = (await PutAsync(Policy())).RevisionId;
        var policy = await GetAsync();

        Assert.That(revision, Is.EqualTo(Epoch(Start)));
        Assert.That(policy.RevisionId, Is.EqualTo(revision));
        Assert.That(policy.Policy, Is.EqualTo(
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Reader","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"dynamodb:GetItem","Resource":"{{Arn}}"}]}"""));
    }

    [Test]
    public async Task Put_TheSamePolicyInAnyFormatting_KeepsItsRevision_AnotherPolicyGetsALaterOne()
    {
        await CreateTableAsync("orders");
        var first = (await PutAsync(Policy())).RevisionId;

        var again = (await PutAsync((await GetAsync()).Policy)).RevisionId;
        var other = (await PutAsync(Policy("dynamodb:PutItem"))).RevisionId;

        Assert.That(again, Is.EqualTo(first));
        // The clock has not moved: revisions stay distinct and ordered, as AWS's timestamps are.
        Assert.That(other, Is.EqualTo(Epoch(Start, 1)));
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.That((await PutAsync(Policy("dynamodb:Query"))).RevisionId, Is.EqualTo(Epoch(Start + TimeSpan.FromSeconds(20))));
    }

    [Test]
    public async Task ExpectedRevisionId_GuardsTheChange_WithAwsTexts()
    {
        await CreateTableAsync("orders");
        PolicyNotFound(() => PutAsync(Policy(), expected: "123456789"),
            "Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id 123456789, but table orders has no associated policy.");
        var first = (await PutAsync(Policy(), expected: "NO_POLICY")).RevisionId;
        var second = (await PutAsync(Policy("dynamodb:PutItem"), expected: first)).RevisionId;

        PolicyNotFound(() => PutAsync(Policy("dynamodb:Query"), expected: first),
            $"Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, but the policy associated to target table orders has revision id {second}.");
        PolicyNotFound(() => PutAsync(Policy("dynamodb:Query"), expected: "NO_POLICY"),
            $"Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table orders, but a policy exists with revision id {second}.");
        PolicyNotFound(() => Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn, ExpectedRevisionId = first }),
            $"Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, but the policy associated to target table orders has revision id {second}.");
        Assert.That((await GetAsync()).RevisionId, Is.EqualTo(second));
    }

    [Test]
    public async Task Delete_EchoesTheRemovedRevision_ThenAnswersTheDeletionsRevision()
    {
        await CreateTableAsync("orders");
        PolicyNotFound(() => GetAsync(), $"Resource-based policy not found for the provided ResourceArn: {Arn}");
        Assert.That((await Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn })).RevisionId, Is.Null);

        var revision = (await PutAsync(Policy())).RevisionId;
        var deleted = await Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn, ExpectedRevisionId = revision });
        var again = await Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn });

        Assert.That(deleted.RevisionId, Is.EqualTo(revision));
        Assert.That(again.RevisionId, Is.EqualTo(Epoch(Start, 1)));
        PolicyNotFound(() => GetAsync(), $"Resource-based policy not found for the provided ResourceArn: {Arn}");
        PolicyNotFound(() => Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn, ExpectedRevisionId = revision }),
            $"Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {revision}, but the policy associated to target table orders has revision id {again.RevisionId}.");
    }

    [Test]
    public async Task ResourceArn_OnlyATableOrStreamOfTheCallersAccountAndRegion()
    {
        await CreateTableAsync("orders");
        Fails<ResourceNotFoundException>(() => PutAsync(Policy(), arn: Arn + "_"), "Requested resource not found: Table: orders_ not found");
        Fails<ResourceNotFoundException>(() => GetAsync(Arn + "unknown"), "Requested resource not found: Table: ordersunknown not found");
        Fails<ResourceNotFoundException>(() => Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn + "unknown" }),
            "Requested resource not found: Table: ordersunknown not found");
        Invalid(() => GetAsync("orders"), "One or more parameter values were invalid: ARNs must start with 'arn:': orders");
        Invalid(() => GetAsync("arn:aws:dynamodb:us-east-1:999999999999:table/orders"),
            "This action is only supported by accounts that match the resource owner’s account.");
        Invalid(() => GetAsync("arn:aws:dynamodb:eu-west-1:123456789012:table/orders"),
            "One or more parameter values were invalid: Invalid resource Arn: arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        Invalid(() => GetAsync(Arn + "/index/by-status"),
            $"One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {Arn}/index/by-status");
        Invalid(() => GetAsync(Arn + "/backup/01791502292805-00000000"),
            $"One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: {Arn}/backup/01791502292805-00000000");
    }

    [Test]
    public async Task Policy_IsCheckedAsAwsChecksIt()
    {
        await CreateTableAsync("orders");
        const string Invalid20 = "One or more parameter values were invalid: ";
        Invalid(() => PutAsync(Policy().Replace("\"Version\"", new string(' ', 20480) + "\"Version\"", StringComparison.Ordinal)),
            $"{Invalid20}Maximum policy size of 20480 bytes exceeded");
        Invalid(() => PutAsync("{not json"), $"{Invalid20}Invalid policy document: This policy contains invalid Json");
        Invalid(() => PutAsync(""), $"{Invalid20}Invalid policy document: This policy contains invalid Json");
        Invalid(() => PutAsync("""{"Version":"2012-10-17","Statement":[]}"""), $"{Invalid20}Invalid policy document: Could not parse the policy: Statement is empty!");
        Invalid(() => PutAsync("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"dynamodb:GetItem"}]}"""),
            $"{Invalid20}Invalid policy document: Missing required field Resource");
        Invalid(() => PutAsync($$"""{"Version":"2012-10-17","Statement":[{"Sid":"a","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"dynamodb:GetItem","Resource":"*"},{"Sid":"a","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"dynamodb:Query","Resource":"*"}]}"""),
            $"{Invalid20}Invalid policy document: The Statement Ids in the policy are not unique");
        Invalid(() => PutAsync(Policy(principal: "\"*\"")),
            "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access");
        Invalid(() => PutAsync(Policy(principal: "{\"AWS\":\"*\"}")),
            "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access");
        PolicyNotFound(() => GetAsync(), $"Resource-based policy not found for the provided ResourceArn: {Arn}");
    }

    [Test]
    public async Task Policy_Canonicalised_AsGetResourcePolicyAnswers()
    {
        await CreateTableAsync("orders");
        await PutAsync($$"""
            { "Statement": { "Effect": "allow", "Principal": { "AWS": ["111122223333", "arn:aws:iam::111122223333:root"] },
              "Resource": ["{{Arn}}/index/*", "{{Arn}}"], "Action": ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:GetItem"],
              "Condition": { "StringEquals": { "aws:PrincipalAccount": ["111122223333"] } } } }
            """);

        var policy = await GetAsync();

        // No Version sent: IAM's default shows; the lists of one become their element, the others stay as sent.
        Assert.That(policy.Policy, Is.EqualTo(
            $$$$"""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["dynamodb:Query","dynamodb:GetItem","dynamodb:GetItem"],"Resource":["{{{{Arn}}}}/index/*","{{{{Arn}}}}"],"Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}]}"""));
        // AWS takes the Version-less policy and the one naming 2008-10-17 for different policies.
        Assert.That((await PutAsync(policy.Policy)).RevisionId, Is.Not.EqualTo(policy.RevisionId));
    }

    [Test]
    public async Task Put_ThatLocksTheCallerOut_NeedsConfirmRemoveSelfResourceAccess()
    {
        await CreateTableAsync("orders");
        var lockout = Policy("dynamodb:PutResourcePolicy", effect: "Deny", principal: "\"*\"");

        var denied = Fails<AmazonDynamoDBException>(() => PutAsync(lockout), "The new resource policy will not allow you to update the resource policy in the future.");
        Assert.That(denied.ErrorCode, Is.EqualTo("AccessDeniedException"));
        await Ddb.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = Arn, Policy = lockout, ConfirmRemoveSelfResourceAccess = true });
        Assert.That((await GetAsync()).Policy, Does.Contain("\"Effect\":\"Deny\""));
    }

    [Test]
    public async Task CreateTable_ResourcePolicy_IsAttached_AndDeleteTableTakesItAway()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ResourcePolicy = Policy(),
        });
        Assert.That((await GetAsync()).RevisionId, Is.EqualTo(Epoch(Start)));

        await Ddb.DeleteTableAsync("orders");
        Fails<ResourceNotFoundException>(() => GetAsync(), "Requested resource not found: Table: orders not found");
        await CreateTableAsync("orders");
        PolicyNotFound(() => GetAsync(), $"Resource-based policy not found for the provided ResourceArn: {Arn}");

        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "other",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            ResourcePolicy = "{not json",
        }), "One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json");
        Assert.That((await Ddb.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public async Task StreamArn_HasAPolicyOfItsOwn()
    {
        var table = await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
        });
        var streamArn = table.TableDescription.LatestStreamArn;

        var revision = (await PutAsync(Policy("dynamodb:GetRecords").Replace(Arn, streamArn, StringComparison.Ordinal), arn: streamArn)).RevisionId;

        Assert.That((await GetAsync(streamArn)).RevisionId, Is.EqualTo(revision));
        PolicyNotFound(() => GetAsync(), $"Resource-based policy not found for the provided ResourceArn: {Arn}");
        Fails<ResourceNotFoundException>(() => GetAsync(Arn + "/stream/2000-01-01T00:00:00.000"),
            "Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: orders");
    }

    [Test]
    public async Task Snapshot_KeepsPolicies()
    {
        await CreateTableAsync("orders");
        var revision = (await PutAsync(Policy())).RevisionId;
        var snapshot = Aws.Snapshot();
        await Ddb.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = Arn });

        Aws.Restore(snapshot);

        Assert.That((await GetAsync()).RevisionId, Is.EqualTo(revision));
        // The revision counter came back too: the next change is still later than the restored one.
        Assert.That(long.Parse((await PutAsync(Policy("dynamodb:Query"))).RevisionId, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(long.Parse(revision, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
