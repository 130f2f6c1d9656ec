using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class ItemTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public Task CreateTables() => Task.WhenAll(
        CreateTableAsync("items"),
        CreateTableAsync("ranged", "pk", range: "sk", rangeType: ScalarAttributeType.N),
        CreateTableAsync("binary", "id", ScalarAttributeType.B));

    private Task<GetItemResponse> Get(string pk) => Ddb.GetItemAsync("items", Item(("pk", S(pk))));

    [Test]
    public async Task PutItem_EveryType_RoundTrips()
    {
        var item = Item(
            ("pk", S("all")),
            ("s", S("text")),
            ("empty", S("")),
            ("n", N("42")),
            ("b", new AttributeValue { B = new MemoryStream([1, 2, 3]) }),
            ("bool", new AttributeValue { BOOL = false }),
            ("null", new AttributeValue { NULL = true }),
            ("ss", new AttributeValue { SS = ["x", "y"] }),
            ("ns", new AttributeValue { NS = ["1", "2.5"] }),
            ("bs", new AttributeValue { BS = [new MemoryStream([9]), new MemoryStream([8])] }),
            ("l", new AttributeValue { L = [S("a"), N("1"), new AttributeValue { L = [] }] }),
            ("m", new AttributeValue { M = new Dictionary<string, AttributeValue> { ["inner"] = new AttributeValue { M = [] } } }));
        await Ddb.PutItemAsync("items", item);

        var got = (await Get("all")).Item;

        Assert.That(got.Keys, Is.EquivalentTo(item.Keys));
        Assert.That(got["s"].S, Is.EqualTo("text"));
        Assert.That(got["empty"].S, Is.EqualTo(""));
        Assert.That(got["b"].B.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(got["bool"].BOOL, Is.False);
        Assert.That(got["null"].NULL, Is.True);
        Assert.That(got["ss"].SS, Is.EqualTo(new[] { "x", "y" }));
        Assert.That(got["ns"].NS, Is.EqualTo(new[] { "1", "2.5" }));
        // Sets come back in DynamoDB's order (binary by bytes), not as sent.
        Assert.That(got["bs"].BS.Select(b => b.ToArray()[0]), Is.EqualTo(new byte[] { 8, 9 }));
        Assert.That(got["l"].L.Select(e => e.S ?? e.N), Is.EqualTo(new[] { "a", "1", null }));
        Assert.That(got["l"].L[2].IsLSet, Is.True);
        Assert.That(got["m"].M["inner"].IsMSet, Is.True);
        Assert.That(got["m"].M["inner"].M, Is.Empty);
    }

    [TestCase("00042", "42")]
    [TestCase("1.0", "1")]
    [TestCase("-0", "0")]
    [TestCase("1.5E2", "150")]
    [TestCase("0.0100", "0.01")]
    [TestCase("+7", "7")]
    [TestCase("1e100", "1" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("1E-130", "0." + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" + "1")]
    [TestCase("99999999999999999999999999999999999999", "99999999999999999999999999999999999999")]
    public async Task PutItem_Number_StoredInCanonicalForm(string sent, string stored)
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("num")), ("n", N(sent))));
        Assert.That((await Get("num")).Item["n"].N, Is.EqualTo(stored));
    }

    [TestCase("abc", "The parameter cannot be converted to a numeric value: abc")]
    [TestCase("", "The parameter cannot be converted to a numeric value: ")]
    [TestCase("1 ", "The parameter cannot be converted to a numeric value: 1 ")]
    [TestCase("NaN", "The parameter cannot be converted to a numeric value: NaN")]
    [TestCase("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [TestCase("1E126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [TestCase("1E-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    public void PutItem_BadNumber_ValidationException(string sent, string message) =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("num")), ("n", N(sent)))), "1 validation error detected: " + message);

    [Test]
    public void PutItem_EmptyStringSet_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("ss", new AttributeValue { SS = [] }))),
            "One or more parameter values were invalid: An string set  may not be empty");

    [Test]
    public void PutItem_EmptyNumberSet_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("ns", new AttributeValue { NS = [] }))),
            "One or more parameter values were invalid: An number set  may not be empty");

    [Test]
    public void PutItem_EmptyBinarySet_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("bs", new AttributeValue { BS = [] }))),
            "One or more parameter values were invalid: Binary sets should not be empty");

    [Test]
    public void PutItem_DuplicateInStringSet_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("ss", new AttributeValue { SS = ["a", "b", "a"] }))),
            "1 validation error detected: One or more parameter values were invalid: Input collection [\"a\", \"b\", \"a\"] contains duplicates.");

    [Test]
    public void PutItem_EqualNumbersInSet_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("ns", new AttributeValue { NS = ["1", "1.0"] }))),
            "1 validation error detected: One or more parameter values were invalid: Input collection contains duplicates.");

    [Test]
    public void PutItem_NullFalse_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("z", new AttributeValue { NULL = false }))),
            "One or more parameter values were invalid: Null attribute value types must have the value of true");

    [Test]
    public void PutItem_EmptyAttributeValue_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("z", new AttributeValue()))),
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");

    [Test]
    public void PutItem_TwoTypesInOneValue_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("x")), ("z", new AttributeValue { S = "a", N = "1" }))),
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");

    [Test]
    public void PutItem_MissingKey_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("other", S("x")))),
            "One or more parameter values were invalid: Missing the key pk in the item");

    [Test]
    public void PutItem_KeyOfWrongType_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", N("1")))),
            "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");

    [Test]
    public void PutItem_EmptyStringKey_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("")))),
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");

    [Test]
    public void PutItem_EmptyBinaryKey_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("binary", Item(("id", new AttributeValue { B = new MemoryStream() }))),
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: id");

    [Test]
    public void PutItem_HashKeyOver2048Bytes_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S(new string('k', 2049))))),
            "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");

    [Test]
    public async Task PutItem_HashKeyOf2048Bytes_Accepted()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S(new string('k', 2048)))));
        Assert.That((await Get(new string('k', 2048))).Item, Is.Not.Null);
    }

    [Test]
    public async Task PutItem_SortKeyOver1024Bytes_ValidationException()
    {
        await CreateTableAsync("texts", "pk", range: "sk");
        Invalid(() => Ddb.PutItemAsync("texts", Item(("pk", S("a")), ("sk", S(new string('s', 1025))))),
            "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    [Test]
    public async Task PutItem_ItemAtTheSizeLimit_AcceptedAndOneByteMoreRejected()
    {
        // 400 KB counts attribute names and values: "pk" + "a" + "data" + the payload.
        var payload = 400 * 1024 - (2 + 1 + 4);
        await Ddb.PutItemAsync("items", Item(("pk", S("a")), ("data", S(new string('x', payload)))));

        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("a")), ("data", S(new string('x', payload + 1))))),
            "Item size has exceeded the maximum allowed size");
        Assert.That((await Get("a")).Item["data"].S, Has.Length.EqualTo(payload));
    }

    [Test]
    public void PutItem_MultiByteCharactersCountAsUtf8() =>
        // 'é' is two bytes in UTF-8, so half the characters already fill 400 KB.
        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("a")), ("d", S(new string('é', 200 * 1024))))),
            "Item size has exceeded the maximum allowed size");

    [Test]
    public async Task PutItem_ReturnValuesAllOld_ReturnsThePreviousItem()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("k")), ("v", N("1"))));

        var replaced = await Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k")), ("v", N("2"))), ReturnValues = ReturnValue.ALL_OLD });
        var first = await Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("new"))), ReturnValues = ReturnValue.ALL_OLD });

        Assert.That(replaced.Attributes["v"].N, Is.EqualTo("1"));
        Assert.That(first.Attributes, Is.Null.Or.Empty);
    }

    [Test]
    public void PutItem_ReturnValuesAllNew_ValidationException() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k"))), ReturnValues = ReturnValue.ALL_NEW }),
            "1 validation error detected: ReturnValues can only be ALL_OLD or NONE");

    [Test]
    public void PutItem_UnknownReturnValues_ConstraintViolation() =>
        Invalid(() => Ddb.PutItemAsync(new PutItemRequest { TableName = "items", Item = Item(("pk", S("k"))), ReturnValues = "EVERYTHING" }),
            "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");

    [Test]
    public void PutItem_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Ddb.PutItemAsync("nowhere", Item(("pk", S("a")))), "Requested resource not found");

    [Test]
    public void PutItem_InvalidTableName_ValidationBeforeNotFound() =>
        Invalid(() => Ddb.PutItemAsync("no!table", Item(("pk", S("a")))),
            "1 validation error detected: Value 'no!table' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");

    [Test]
    public async Task PutItem_Rejected_ChangesNothing()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("keep")), ("v", S("original"))));

        Invalid(() => Ddb.PutItemAsync("items", Item(("pk", S("keep")), ("v", S("changed")), ("bad", new AttributeValue { SS = [] }))),
            "One or more parameter values were invalid: An string set  may not be empty");

        Assert.That((await Get("keep")).Item["v"].S, Is.EqualTo("original"));
        Assert.That((await Ddb.DescribeTableAsync("items")).Table.ItemCount, Is.EqualTo(1));
    }

    [Test]
    public async Task GetItem_Missing_ReturnsNoItem()
    {
        var got = await Get("nothing");
        Assert.That(got.Item, Is.Null.Or.Empty);
        Assert.That(got.IsItemSet, Is.False);
    }

    [Test]
    public async Task GetItem_NumberKey_MatchesByValue()
    {
        await Ddb.PutItemAsync("ranged", Item(("pk", S("a")), ("sk", N("1.50"))));

        var got = await Ddb.GetItemAsync("ranged", Item(("pk", S("a")), ("sk", N("1.5"))));

        Assert.That(got.Item["sk"].N, Is.EqualTo("1.5"));
    }

    [Test]
    public async Task GetItem_AttributesToGet_ReturnsOnlyThose()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("p")), ("a", S("1")), ("b", S("2"))));

        var got = await Ddb.GetItemAsync(new GetItemRequest { TableName = "items", Key = Item(("pk", S("p"))), AttributesToGet = ["b", "zzz"] });

        Assert.That(got.Item.Keys, Is.EquivalentTo(new[] { "b" }));
    }

    [TestCase("extra")]
    [TestCase("missing")]
    [TestCase("type")]
    public void GetItem_KeyNotMatchingSchema_ValidationException(string problem)
    {
        var key = problem switch
        {
            "extra" => Item(("pk", S("a")), ("sk", N("1")), ("x", S("y"))),
            "missing" => Item(("pk", S("a"))),
            _ => Item(("pk", S("a")), ("sk", S("1"))),
        };
        Invalid(() => Ddb.GetItemAsync("ranged", key), "The provided key element does not match the schema");
    }

    [Test]
    public void GetItem_EmptyStringKey_ValidationException() =>
        Invalid(() => Get(""), "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");

    [Test]
    public async Task GetItem_ReturnConsumedCapacity_HalfUnitWhenEventuallyConsistent()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("c")), ("big", S(new string('x', 5000)))));

        var eventual = await Ddb.GetItemAsync(new GetItemRequest { TableName = "items", Key = Item(("pk", S("c"))), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        var strong = await Ddb.GetItemAsync(new GetItemRequest { TableName = "items", Key = Item(("pk", S("c"))), ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });

        Assert.That(eventual.ConsumedCapacity.CapacityUnits, Is.EqualTo(1.0));
        Assert.That(eventual.ConsumedCapacity.TableName, Is.EqualTo("items"));
        Assert.That(strong.ConsumedCapacity.CapacityUnits, Is.EqualTo(2.0));
        Assert.That(strong.ConsumedCapacity.Table.CapacityUnits, Is.EqualTo(2.0));
    }

    [Test]
    public async Task PutItem_ReturnConsumedCapacity_CountsKilobytes()
    {
        var put = await Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Item(("pk", S("w")), ("d", S(new string('x', 2000)))),
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.That(put.ConsumedCapacity.CapacityUnits, Is.EqualTo(2.0));
    }

    [Test]
    public async Task DeleteItem_ReturnValuesAllOld_RemovesAndReturns()
    {
        await Ddb.PutItemAsync("items", Item(("pk", S("d")), ("v", S("gone"))));

        var deleted = await Ddb.DeleteItemAsync(new DeleteItemRequest { TableName = "items", Key = Item(("pk", S("d"))), ReturnValues = ReturnValue.ALL_OLD });

        Assert.That(deleted.Attributes["v"].S, Is.EqualTo("gone"));
        Assert.That((await Get("d")).Item, Is.Null.Or.Empty);
        Assert.That((await Ddb.DescribeTableAsync("items")).Table.ItemCount, Is.Zero);
    }

    [Test]
    public async Task DeleteItem_Missing_Succeeds()
    {
        var deleted = await Ddb.DeleteItemAsync(new DeleteItemRequest { TableName = "items", Key = Item(("pk", S("none"))), ReturnValues = ReturnValue.ALL_OLD });
        Assert.That(deleted.Attributes, Is.Null.Or.Empty);
    }

    [Test]
    public void DeleteItem_WrongKey_ValidationException() =>
        Invalid(() => Ddb.DeleteItemAsync("items", Item(("nope", S("a")))), "The provided key element does not match the schema");

    [Test]
    public async Task BinaryKey_RoundTripsByBytes()
    {
        await Ddb.PutItemAsync("binary", Item(("id", new AttributeValue { B = new MemoryStream([0xFF, 0x00]) }), ("v", S("bin"))));

        var got = await Ddb.GetItemAsync("binary", Item(("id", new AttributeValue { B = new MemoryStream([0xFF, 0x00]) })));

        Assert.That(got.Item["v"].S, Is.EqualTo("bin"));
    }
}
