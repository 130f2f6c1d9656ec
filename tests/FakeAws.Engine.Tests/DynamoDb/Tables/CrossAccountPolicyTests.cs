using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Model;
using Microsoft.Extensions.Time.Testing;
using AttributeValue = FakeAws.Engine.DynamoDb.AttributeValue;

namespace FakeAws.Engine.Tests.DynamoDb.Tables;

/// <summary>
/// A table's resource-based policy decides what callers of other accounts may do with it by its ARN; its own
/// account is not affected. A cloud acts in one account, so the engine is driven here with two scopes.
/// </summary>
public class CrossAccountPolicyTests
{
    private static readonly RequestScope Owner = new("222222222222", "us-east-1");
    private static readonly RequestScope Caller = new("123456789012", "us-east-1");
    private const string Arn = "arn:aws:dynamodb:us-east-1:222222222222:table/shared";

    private DynamoDbEngine _engine = null!;

    [SetUp]
    public void CreateTable()
    {
        var clock = new VirtualClock(new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        _engine = new DynamoDbEngine(new CloudContext("123456789012", "us-east-1", clock), new DynamoDbOptions());
        _engine.CreateTable(Owner, new CreateTableInput
        {
            TableName = "shared",
            BillingMode = "PAY_PER_REQUEST",
            KeySchema = [new KeySchemaElement { AttributeName = "pk", KeyType = "HASH" }],
            AttributeDefinitions = [new AttributeDefinition { AttributeName = "pk", AttributeType = "S" }],
        });
        _engine.PutItem(Owner, new PutItemInput { TableName = "shared", Item = new() { ["pk"] = AttributeValue.FromS("a") } });
    }

    private void Attach(string statements) => _engine.PutResourcePolicy(Owner, new PutResourcePolicyInput
    {
        ResourceArn = Arn,
        Policy = $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""",
    });

    private GetItemOutput GetItem(RequestScope scope, string table = Arn) =>
        _engine.GetItem(scope, new GetItemInput { TableName = table, Key = new() { ["pk"] = AttributeValue.FromS("a") } });

    private static string Denied(Action call)
    {
        var error = Assert.Throws<AwsServiceException>(() => call())!;
        Assert.That(error.Code, Is.EqualTo("AccessDeniedException"));
        return error.Message;
    }

    [Test]
    public void WithoutAPolicy_AnotherAccountIsDenied_TheOwnerIsNot()
    {
        Assert.That(Denied(() => GetItem(Caller)), Is.EqualTo(
            $"User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:GetItem on resource: {Arn} because no resource-based policy allows the dynamodb:GetItem action"));
        Assert.That(GetItem(Owner, "shared").Item, Is.Not.Null);
    }

    [Test]
    public void APolicyGrantingTheCallersAccount_AllowsJustThoseActions()
    {
        Attach($$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/reader"},"Action":["dynamodb:GetItem","dynamodb:Describe*"],"Resource":"{{Arn}}"}""");

        Assert.That(GetItem(Caller).Item!["pk"].S, Is.EqualTo("a"));
        Assert.That(_engine.DescribeTable(Caller, new DescribeTableInput { TableName = Arn }).Table!.TableName, Is.EqualTo("shared"));
        Assert.That(Denied(() => _engine.PutItem(Caller, new PutItemInput { TableName = Arn, Item = new() { ["pk"] = AttributeValue.FromS("b") } })),
            Does.EndWith("because no resource-based policy allows the dynamodb:PutItem action"));
        Assert.That(Denied(() => GetItem(new RequestScope("333333333333", "us-east-1"))), Does.StartWith("User: arn:aws:iam::333333333333:root"));
    }

    [Test]
    public void AnExplicitDeny_WinsOverAnAllow_AndLeavesTheOwnerAlone()
    {
        Attach($$"""
            {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"dynamodb:*","Resource":"*"},
            {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetItem","Resource":"{{Arn}}"}
            """);

        Assert.That(Denied(() => GetItem(Caller)), Does.EndWith("on resource: " + Arn + " with an explicit deny in a resource-based policy"));
        Assert.That(_engine.Scan(Caller, new ScanInput { TableName = Arn }).Count, Is.EqualTo(1));
        Assert.That(GetItem(Owner, "shared").Item, Is.Not.Null);
    }

    [Test]
    public void PartiQL_IsJudgedByItsOwnActions()
    {
        Attach("""{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"dynamodb:PartiQLSelect","Resource":"*"}""");

        var selected = _engine.ExecuteStatement(Caller, new ExecuteStatementInput { Statement = $"SELECT * FROM \"{Arn}\"" });

        Assert.That(selected.Items, Has.Count.EqualTo(1));
        Assert.That(Denied(() => _engine.ExecuteStatement(Caller, new ExecuteStatementInput { Statement = $"DELETE FROM \"{Arn}\" WHERE pk = 'a'" })),
            Does.Contain("dynamodb:PartiQLDelete"));
    }

    [Test]
    public void Transactions_AreJudgedItemByItem_AsTheOperationsTheyPerform()
    {
        Attach("""{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":["dynamodb:GetItem","dynamodb:ConditionCheckItem"],"Resource":"*"}""");
        var key = new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromS("a") };

        var read = _engine.TransactGetItems(Caller, new TransactGetItemsInput { TransactItems = [new TransactGetItem { Get = new Get { TableName = Arn, Key = key } }] });

        Assert.That(read.Responses!.Single().Item, Is.Not.Null);
        Assert.That(Denied(() => _engine.TransactWriteItems(Caller, new TransactWriteItemsInput
        {
            TransactItems = [new TransactWriteItem { Delete = new Delete { TableName = Arn, Key = key } }],
        })), Does.Contain("dynamodb:DeleteItem"));
    }

    [Test]
    public void A_PolicyNamingAPropertyTwice_IsNoJson()
    {
        var error = Assert.Throws<AwsServiceException>(() => Attach("""{"Effect":"Allow","Effect":"Deny","Principal":{"AWS":"123456789012"},"Action":"dynamodb:GetItem","Resource":"*"}"""))!;
        Assert.That(error.Message, Is.EqualTo("One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json"));
    }
}
