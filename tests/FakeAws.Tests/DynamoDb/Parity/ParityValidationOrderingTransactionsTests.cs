using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts:
// member constraints (the enums, the ClientRequestToken's length) are checked before the request is
// read further and reported together; an expression that does not parse, or a value no expression
// uses, is refused before any action runs or any table is looked up; between two failing actions the
// first in request order wins.
public class ParityValidationOrderingTransactionsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string EnumRcc = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
    private const string EnumRicm = "Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]";
    private const string Syntax = "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"";
    private const string Unused = "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}";
    private static readonly string Token = new('x', 37);

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static TransactWriteItem PutOf(string table, Dictionary<string, AttributeValue> item) => new() { Put = new Put { TableName = table, Item = item } };

    private static TransactWriteItem MalformedCheck() =>
        new() { ConditionCheck = new ConditionCheck { TableName = Hash, Key = Key("vo-tx-cc"), ConditionExpression = "attribute_not_exists(" } };

    private static TransactWriteItem UnusedCheck() => new()
    {
        ConditionCheck = new ConditionCheck { TableName = Hash, Key = Key("vo-tx-cc"), ConditionExpression = "attribute_not_exists(pk)", ExpressionAttributeValues = Item((":v", S("x"))) },
    };

    private static Dictionary<string, AttributeValue> DeepItem() => Item(("pk", S("vo-tx-deep")), ("data", Deep(32)));

    private Task TransactWrite(TransactWriteItemsRequest request) => Ddb.TransactWriteItemsAsync(request);

    private Task TransactWrite(params TransactWriteItem[] items) => TransactWrite(new TransactWriteItemsRequest { TransactItems = [.. items] });

    [Test]
    public async Task TransactWriteItems_UnknownReturnConsumedCapacity_RefusedAndNothingWritten()
    {
        Invalid(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Hash, Key("vo-tx-rcc"))], ReturnConsumedCapacity = "BOGUS" }), One(EnumRcc));
        Assert.That(await StoredAsync(Hash, Key("vo-tx-rcc")), Is.Null);
    }

    [Test]
    public async Task TransactWriteItems_UnknownReturnItemCollectionMetrics_RefusedAndNothingWritten()
    {
        Invalid(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Hash, Key("vo-tx-ricm"))], ReturnItemCollectionMetrics = "BOGUS2" }), One(EnumRicm));
        Assert.That(await StoredAsync(Hash, Key("vo-tx-ricm")), Is.Null);
    }

    [Test]
    public void TransactWriteItems_BothEnumsUnknown_OneMessageCapacityFirst() =>
        Invalid(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Hash, Key("vo-tx-both"))], ReturnConsumedCapacity = "BOGUS", ReturnItemCollectionMetrics = "BOGUS2" }),
            $"2 validation errors detected: {EnumRcc}; {EnumRicm}");

    [Test]
    public void TransactWriteItems_UnknownEnumAndMissingTable_EnumFirst() =>
        Invalid(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Absent, Key("a"))], ReturnConsumedCapacity = "BOGUS" }), One(EnumRcc));

    [Test]
    public void TransactWriteItems_UnknownEnumAndDuplicateTarget_EnumFirst() =>
        Invalid(() => TransactWrite(new TransactWriteItemsRequest
        {
            TransactItems = [PutOf(Hash, Key("vo-tx-dup")), new TransactWriteItem { Delete = new Delete { TableName = Hash, Key = Key("vo-tx-dup") } }],
            ReturnConsumedCapacity = "BOGUS",
        }), One(EnumRcc));

    [Test]
    public async Task TransactWriteItems_TokenOver36Characters_Refused()
    {
        Assert.That(Refusal(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Hash, Key("vo-tx-token"))], ClientRequestToken = Token })), Is.AnyOf(
            One("Value at 'ClientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36"),
            One($"Value '{Token}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36")));
        Assert.That(await StoredAsync(Hash, Key("vo-tx-token")), Is.Null);
    }

    [Test]
    public void TransactWriteItems_LongTokenAndUnknownEnum_TokenFirst() =>
        Assert.That(Refusal(() => TransactWrite(new TransactWriteItemsRequest { TransactItems = [PutOf(Hash, Key("vo-tx-token"))], ClientRequestToken = Token, ReturnConsumedCapacity = "BOGUS" })), Is.AnyOf(
            One("Value at 'ClientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36"),
            $"2 validation errors detected: Value '{Token}' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36; {EnumRcc}"));

    [Test]
    public void TransactWriteItems_LaterMalformedConditionEarlierMissingTable_SyntaxFirst() =>
        Invalid(() => TransactWrite(PutOf(Absent, Key("a")), MalformedCheck()), Syntax);

    [Test]
    public void TransactWriteItems_MalformedConditionThenTooDeepItem_SyntaxFirst() =>
        Invalid(() => TransactWrite(MalformedCheck(), PutOf(Hash, DeepItem())), Syntax);

    [Test]
    public void TransactWriteItems_TooDeepItemThenMalformedCondition_NestingFirst() =>
        Invalid(() => TransactWrite(PutOf(Hash, DeepItem()), MalformedCheck()), Nesting);

    [Test]
    public void TransactWriteItems_UnusedValueAndEarlierMissingTable_UnusedFirst() =>
        Invalid(() => TransactWrite(PutOf(Absent, Key("a")), UnusedCheck()), Unused);

    [Test]
    public void TransactWriteItems_UnusedValueAndLaterMissingTable_UnusedFirst() =>
        Invalid(() => TransactWrite(UnusedCheck(), PutOf(Absent, Key("a"))), Unused);

    [Test]
    public async Task TransactWriteItems_UnusedValueAndDuplicateTarget_UnusedFirst()
    {
        Invalid(() => TransactWrite(PutOf(Hash, Key("vo-tx-cc")), UnusedCheck()), Unused);
        Assert.That(await StoredAsync(Hash, Key("vo-tx-cc")), Is.Null);
    }

    [Test]
    public async Task TransactGetItems_UnknownReturnConsumedCapacity_EnumAheadOfEverything()
    {
        await Ddb.PutItemAsync(Hash, Key("vo-tg-item"));
        TransactGetItem Get(string table, string pk) => new() { Get = new Get { TableName = table, Key = Key(pk) } };
        Invalid(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = [Get(Hash, "vo-tg-item")], ReturnConsumedCapacity = "BOGUS" }), One(EnumRcc));
        Invalid(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = [Get(Absent, "a")], ReturnConsumedCapacity = "BOGUS" }), One(EnumRcc));
        Invalid(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest { TransactItems = [Get(Hash, "vo-tg-item"), Get(Hash, "vo-tg-item")], ReturnConsumedCapacity = "BOGUS" }), One(EnumRcc));
    }
}
