using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Tags on tables: TagResource, UntagResource, ListTagsOfResource and the Tags of CreateTable, with AWS's limits.</summary>
public class TagTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

    private async Task<List<(string, string)>> TagsAsync() =>
        (await Ddb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = Arn })).Tags.Select(t => (t.Key, t.Value)).ToList();

    [Test]
    public async Task TagAndUntag_ChangeWhatListTagsShows()
    {
        await CreateTableAsync("orders");
        await Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = "team", Value = "blue" }, new Tag { Key = "env", Value = "test" }] });
        await Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = "team", Value = "red" }] });
        Assert.That(await TagsAsync(), Is.EqualTo(new[] { ("team", "red"), ("env", "test") }));

        await Ddb.UntagResourceAsync(new UntagResourceRequest { ResourceArn = Arn, TagKeys = ["team", "absent"] });
        Assert.That(await TagsAsync(), Is.EqualTo(new[] { ("env", "test") }));
    }

    [Test]
    public async Task CreateTable_WithTags_TagsTheTable()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            Tags = [new Tag { Key = "owner", Value = "ada" }],
        });
        Assert.That(await TagsAsync(), Is.EqualTo(new[] { ("owner", "ada") }));
    }

    [Test]
    public async Task MoreThan50Tags_ValidationException()
    {
        await CreateTableAsync("orders");
        await Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = Enumerable.Range(0, 50).Select(i => new Tag { Key = $"k{i}", Value = "v" }).ToList() });

        Invalid(() => Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = "one-more", Value = "v" }] }),
            "One or more parameter values were invalid: The number of tags on a resource cannot exceed 50");
        await Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = "k0", Value = "replaced" }] });
    }

    [Test]
    public async Task Tags_AwsRules()
    {
        await CreateTableAsync("orders");
        Invalid(() => Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = "aws:owner", Value = "me" }] }),
            "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use");
        Invalid(() => Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new Tag { Key = new string('k', 129), Value = "v" }] }),
            $"1 validation error detected: Value '{new string('k', 129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
        Invalid(() => Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [] }), "Atleast one Tag needs to be provided as Input.");
        Invalid(() => Ddb.UntagResourceAsync(new UntagResourceRequest { ResourceArn = Arn, TagKeys = [] }), "Atleast one Tag Key needs to be provided as Input.");
    }

    [Test]
    public void Tags_UnknownOrMalformedArn_AwsErrors()
    {
        Fails<ResourceNotFoundException>(() => Ddb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = Arn }),
            $"Requested resource not found: ResourceArn: {Arn} not found");
        Fails<ResourceNotFoundException>(() => Ddb.UntagResourceAsync(new UntagResourceRequest { ResourceArn = Arn, TagKeys = ["a"] }),
            "Requested resource not found");
        Invalid(() => Ddb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = "a:b:c:d:e:f/g" }),
            "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g");
    }

    [Test]
    public void Tags_OnSomethingThatIsNoArn_AccessDenied()
    {
        var denied = Fails<AmazonDynamoDBException>(() => Ddb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = "orders" }),
            "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: orders");
        Assert.That(denied.ErrorCode, Is.EqualTo("AccessDeniedException"));
        Fails<AmazonDynamoDBException>(() => Ddb.TagResourceAsync(new TagResourceRequest { ResourceArn = "a:b:c:d:e/f", Tags = [new Tag { Key = "k", Value = "v" }] }),
            "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:TagResource on resource: a:b:c:d:e/f");
        Fails<AmazonDynamoDBException>(() => Ddb.UntagResourceAsync(new UntagResourceRequest { ResourceArn = "a:b:c:d:e:f", TagKeys = ["k"] }),
            "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:UntagResource on resource: a:b:c:d:e:f");
    }
}
