using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class PartiQLTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("music", "artist", range: "song");
        await Ddb.PutItemAsync("music", Item(("artist", S("Acme")), ("song", S("One")), ("year", N("2001")), ("tags", new AttributeValue { SS = ["rock"] })));
        await Ddb.PutItemAsync("music", Item(("artist", S("Acme")), ("song", S("Two")), ("year", N("2005"))));
        await Ddb.PutItemAsync("music", Item(("artist", S("Bold")), ("song", S("Three")), ("year", N("1999"))));
    }

    private Task<ExecuteStatementResponse> Run(string statement, params AttributeValue[] parameters) =>
        Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] });

    private async Task<Dictionary<string, AttributeValue>?> Get(string artist, string song)
    {
        var got = await Ddb.GetItemAsync("music", Item(("artist", S(artist)), ("song", S(song))));
        return got.IsItemSet ? got.Item : null;
    }

    [Test]
    public async Task Select_PartitionKeyAndFilter_ReturnsMatchesInSortOrder()
    {
        var response = await Run("SELECT song, \"year\" FROM music WHERE artist = ? AND \"year\" > 2000", S("Acme"));

        Assert.That(response.Items.Select(i => i["song"].S), Is.EqualTo(new[] { "One", "Two" }));
        Assert.That(response.Items[0].Keys, Is.EquivalentTo(new[] { "song", "year" }));
    }

    [Test]
    public async Task Select_NestedMapPath_ReturnsTheMapsAroundTheValue()
    {
        await Ddb.PutItemAsync("music", Item(("artist", S("Deep")), ("song", S("Four")), ("info", new AttributeValue
        {
            M = new() { ["label"] = new AttributeValue { M = new() { ["city"] = S("Oslo"), ["size"] = N("3") } }, ["other"] = S("x") },
        })));

        var response = await Run("SELECT info.label.city, info.label.\"size\" FROM music WHERE artist = 'Deep' AND song = 'Four'");

        var info = response.Items.Single()["info"].M;
        Assert.That(response.Items.Single().Keys, Is.EqualTo(new[] { "info" }));
        Assert.That(info.Keys, Is.EqualTo(new[] { "label" }));
        Assert.That(info["label"].M.ToDictionary(p => p.Key, p => p.Value.S ?? p.Value.N), Is.EquivalentTo(new Dictionary<string, string> { ["city"] = "Oslo", ["size"] = "3" }));
    }

    [Test]
    public async Task Select_WithoutKey_ScansWithFilter()
    {
        var response = await Run("SELECT * FROM \"music\" WHERE \"year\" BETWEEN 1990 AND 2002 OR begins_with(song, 'Tw')");
        Assert.That(response.Items.Select(i => i["song"].S), Is.EquivalentTo(new[] { "One", "Two", "Three" }));
    }

    [Test]
    public async Task Select_IsMissingAndIn_Filter()
    {
        var response = await Run("SELECT song FROM music WHERE tags IS MISSING AND artist IN ['Acme', 'Bold']");
        Assert.That(response.Items.Select(i => i["song"].S), Is.EquivalentTo(new[] { "Two", "Three" }));
    }

    [Test]
    public async Task Select_Limit_PagesWithNextToken()
    {
        var songs = new List<string>();
        string? token = null;
        do
        {
            var response = await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM music", Limit = 2, NextToken = token });
            songs.AddRange(response.Items.Select(i => i["song"].S));
            token = response.NextToken;
        }
        while (token is not null);

        Assert.That(songs, Is.EquivalentTo(new[] { "One", "Two", "Three" }));
    }

    [Test]
    public async Task Insert_NewItem_StoresIt()
    {
        await Run("INSERT INTO music VALUE {'artist': ?, 'song': 'Four', 'year': 2020, 'live': true, 'notes': [1, 'a'], 'meta': {'k': 'v'}, 'ids': <<1, 2>>}", S("Cole"));

        var item = await Get("Cole", "Four");
        Assert.That(item!["year"].N, Is.EqualTo("2020"));
        Assert.That(item["live"].BOOL, Is.True);
        Assert.That(item["notes"].L.Select(e => e.N ?? e.S), Is.EqualTo(new[] { "1", "a" }));
        Assert.That(item["meta"].M["k"].S, Is.EqualTo("v"));
        Assert.That(item["ids"].NS, Is.EquivalentTo(new[] { "1", "2" }));
    }

    [Test]
    public void Insert_ExistingItem_DuplicateItemException() =>
        Fails<DuplicateItemException>(() => Run("INSERT INTO music VALUE {'artist': 'Acme', 'song': 'One'}"), "Duplicate primary key exists in table");

    [Test]
    public void Insert_MissingKey_ValidationException() =>
        Invalid(() => Run("INSERT INTO music VALUE {'artist': 'Acme'}"), "One or more parameter values were invalid: Missing the key song in the item");

    [Test]
    public async Task Update_SetAndRemove_AppliesAndReturnsModified()
    {
        var response = await Run("UPDATE music SET \"year\" = \"year\" + 1 SET plays = 7 REMOVE tags WHERE artist = 'Acme' AND song = 'One' RETURNING MODIFIED NEW *");

        var item = await Get("Acme", "One");
        Assert.That(item!["year"].N, Is.EqualTo("2002"));
        Assert.That(item["plays"].N, Is.EqualTo("7"));
        Assert.That(item.ContainsKey("tags"), Is.False);
        Assert.That(response.Items.Single().Keys, Is.EquivalentTo(new[] { "year", "plays" }));
    }

    [Test]
    public async Task Update_ConditionFalse_ConditionalCheckFailed()
    {
        Fails<ConditionalCheckFailedException>(() => Run("UPDATE music SET plays = 1 WHERE artist = 'Acme' AND song = 'One' AND \"year\" = 1900"),
            "The conditional request failed");
        Assert.That((await Get("Acme", "One"))!.ContainsKey("plays"), Is.False);
    }

    [Test]
    public void Update_MissingItem_ConditionalCheckFailed() =>
        Fails<ConditionalCheckFailedException>(() => Run("UPDATE music SET plays = 1 WHERE artist = 'Nobody' AND song = 'None'"), "The conditional request failed");

    [Test]
    public void Update_WithoutWholeKey_ValidationException() =>
        Invalid(() => Run("UPDATE music SET plays = 1 WHERE artist = 'Acme'"), "Where clause does not contain a mandatory equality on all key attributes");

    [Test]
    public async Task Delete_ExistingItem_RemovesAndReturnsIt()
    {
        var response = await Run("DELETE FROM music WHERE artist = 'Acme' AND song = 'Two' RETURNING ALL OLD *");

        Assert.That(response.Items.Single()["year"].N, Is.EqualTo("2005"));
        Assert.That(await Get("Acme", "Two"), Is.Null);
    }

    [Test]
    public async Task Delete_MissingItem_DoesNothing()
    {
        var response = await Run("DELETE FROM music WHERE artist = 'Nobody' AND song = 'None'");
        Assert.That(response.Items, Is.Empty);
    }

    [Test]
    public void Delete_ReturningNew_ValidationException() =>
        Invalid(() => Run("DELETE FROM music WHERE artist = 'Acme' AND song = 'Two' RETURNING ALL NEW *"),
            "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.");

    [Test]
    public void Statement_ParameterCountMismatch_ValidationException() =>
        Invalid(() => Run("SELECT * FROM music WHERE artist = ?"), "Number of parameters in request and statement don't match.");

    [Test]
    public void Statement_Malformed_ValidationException() =>
        Invalid(() => Run("SELECT * music"), "Statement wasn't well formed, can't be processed: Unexpected token: music");

    [Test]
    public void Statement_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Run("SELECT * FROM nowhere"), "Requested resource not found");

    [Test]
    public void Insert_MultipleItems_ValidationException() =>
        Invalid(() => Run("INSERT INTO music VALUE << {'artist': 'a', 'song': 'b'} >>"),
            "Unsupported operation: Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName VALUE item\" instead");

    [Test]
    public async Task BatchExecuteStatement_ReportsEachStatement()
    {
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = "SELECT * FROM music WHERE artist = 'Acme' AND song = 'One'" },
                new BatchStatementRequest { Statement = "INSERT INTO music VALUE {'artist': 'Acme', 'song': 'One'}" },
                new BatchStatementRequest { Statement = "UPDATE music SET plays = 3 WHERE artist = 'Bold' AND song = 'Three'" },
                new BatchStatementRequest { Statement = "SELECT * FROM music WHERE artist = 'Acme'" },
            ],
        });

        Assert.That(response.Responses[0].Item["year"].N, Is.EqualTo("2001"));
        Assert.That(response.Responses[0].TableName, Is.EqualTo("music"));
        Assert.That(response.Responses[1].Error.Code.Value, Is.EqualTo("DuplicateItem"));
        Assert.That(response.Responses[2].Error, Is.Null);
        Assert.That(response.Responses[3].Error.Code.Value, Is.EqualTo("ValidationError"));
        Assert.That(response.Responses[3].Error.Message, Is.EqualTo("Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
        Assert.That((await Get("Bold", "Three"))!["plays"].N, Is.EqualTo("3"));
    }

    [Test]
    public async Task ExecuteTransaction_Writes_AllOrNothing()
    {
        var error = Fails<TransactionCanceledException>(() => Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = "UPDATE music SET plays = 1 WHERE artist = 'Bold' AND song = 'Three'" },
                new ParameterizedStatement { Statement = "INSERT INTO music VALUE {'artist': 'Acme', 'song': 'One'}" },
            ],
        }), "Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem]");
        Assert.That(error.CancellationReasons[1].Message, Is.EqualTo("Duplicate primary key exists in table"));
        Assert.That((await Get("Bold", "Three"))!.ContainsKey("plays"), Is.False);

        await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = "UPDATE music SET plays = 1 WHERE artist = 'Bold' AND song = 'Three'" },
                new ParameterizedStatement { Statement = "INSERT INTO music VALUE {'artist': ?, 'song': 'New'}", Parameters = [S("Acme")] },
                new ParameterizedStatement { Statement = "DELETE FROM music WHERE artist = 'Acme' AND song = 'Two'" },
            ],
        });
        Assert.That((await Get("Bold", "Three"))!["plays"].N, Is.EqualTo("1"));
        Assert.That(await Get("Acme", "New"), Is.Not.Null);
        Assert.That(await Get("Acme", "Two"), Is.Null);
    }

    [Test]
    public async Task ExecuteTransaction_Reads_ReturnItemsInOrder()
    {
        var response = await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = "SELECT song FROM music WHERE artist = 'Bold' AND song = 'Three'" },
                new ParameterizedStatement { Statement = "SELECT * FROM music WHERE artist = 'Acme' AND song = 'One'" },
            ],
        });

        Assert.That(response.Responses[0].Item.Keys, Is.EqualTo(new[] { "song" }));
        Assert.That(response.Responses[1].Item["year"].N, Is.EqualTo("2001"));
    }
}
