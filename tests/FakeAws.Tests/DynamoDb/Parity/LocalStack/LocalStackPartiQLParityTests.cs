using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Facts from AWS-recorded responses in LocalStack's tests/aws/services/dynamodb/test_dynamodb.py
// (validated snapshots): TestDynamoDB::test_dynamodb_execute_transaction,
// test_dynamodb_batch_execute_statement and test_dynamodb_partiql_missing.
public class LocalStackPartiQLParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    [Test]
    public async Task ExecuteTransaction_TwoInserts_AnswersAnEmptyResponsesList()
    {
        await CreateLocalStackTableAsync("users", hash: "Username");

        var result = await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = "INSERT INTO users VALUE {'Username': 'user01'}" },
                new ParameterizedStatement { Statement = "INSERT INTO users VALUE {'Username': 'user02'}" },
            ],
        });
        var scan = await Ddb.ScanAsync(new ScanRequest { TableName = "users" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Responses, Is.Not.Null.And.Empty);
            Assert.That(scan.Count, Is.EqualTo(2));
            Assert.That(scan.ScannedCount, Is.EqualTo(2));
            Assert.That(scan.Items.Select(i => i["Username"].S).Order(), Is.EqualTo(new[] { "user01", "user02" }));
            Assert.That(scan.Items.Select(i => i.Count), Is.All.EqualTo(1));
        });
    }

    [Test]
    public async Task BatchExecuteStatement_InsertAndUpdate_EachResponseNamesOnlyTheTable()
    {
        await CreateLocalStackTableAsync("people", hash: "Username");
        await Ddb.PutItemAsync("people", Item(("Username", S("user02"))));

        var result = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = "INSERT INTO people VALUE {'Username': 'user01'}" },
                new BatchStatementRequest { Statement = "UPDATE people SET Age=20 WHERE Username='user02'" },
            ],
        });
        var user2 = (await Ddb.GetItemAsync("people", Item(("Username", S("user02"))))).Item;
        var user1 = (await Ddb.GetItemAsync("people", Item(("Username", S("user01"))))).Item;

        Assert.Multiple(() =>
        {
            Assert.That(result.Responses, Has.Count.EqualTo(2));
            Assert.That(result.Responses.Select(r => r.TableName), Is.All.EqualTo("people"));
            Assert.That(result.Responses.Select(r => r.Error), Is.All.Null);
            Assert.That(result.Responses.Select(r => r.Item), Is.All.Null.Or.Empty);
            Assert.That(user2.Keys, Is.EquivalentTo(new[] { "Age", "Username" }));
            Assert.That(user2["Age"].N, Is.EqualTo("20"));
            Assert.That(user1.Keys, Is.EqualTo(new[] { "Username" }));
        });
    }

    [Test]
    public async Task ExecuteStatement_IsMissingAndIsNotMissing_SelectByAttributePresence()
    {
        await CreateLocalStackTableAsync("names", hash: "Username");
        await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "INSERT INTO names VALUE {'Username': 'Alice123', 'FirstName':'Alice'}" });

        var present = await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM names WHERE FirstName IS NOT MISSING" });
        var missing = await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM names WHERE FirstName IS MISSING" });

        Assert.Multiple(() =>
        {
            Assert.That(present.Items, Has.Count.EqualTo(1));
            Assert.That(present.Items[0].Keys, Is.EquivalentTo(new[] { "FirstName", "Username" }));
            Assert.That(present.Items[0]["FirstName"].S, Is.EqualTo("Alice"));
            Assert.That(present.Items[0]["Username"].S, Is.EqualTo("Alice123"));
            Assert.That(missing.Items, Is.Empty);
        });
    }
}
