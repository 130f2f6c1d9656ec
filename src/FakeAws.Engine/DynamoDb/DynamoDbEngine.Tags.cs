using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Tags: TagResource, UntagResource and ListTagsOfResource, on table ARNs.
internal sealed partial class DynamoDbEngine
{
    [GeneratedRegex("^.+:.+:.+:.+:.+:.+/.+$")]
    private static partial Regex ArnShape();

    /// <summary>Adds or replaces tags. The model declares no output, so the answer is an empty object.</summary>
    public void TagResource(RequestScope scope, TagResourceInput input)
    {
        var table = TableOfResource(scope, "TagResource", input.ResourceArn!, DynamoDbErrors.ResourceArnNotFound(input.ResourceArn!));
        if (input.Tags is not { Count: > 0 })
        {
            throw DynamoDbErrors.Validation("Atleast one Tag needs to be provided as Input.");
        }
        var tags = Tagging.Validate(input.Tags);
        lock (table.Gate)
        {
            Tagging.Apply(table, tags);
        }
    }

    /// <summary>Removes tags by key; a key the table does not carry is no error. The answer is an empty object.</summary>
    public void UntagResource(RequestScope scope, UntagResourceInput input)
    {
        var table = TableOfResource(scope, "UntagResource", input.ResourceArn!, DynamoDbErrors.ResourceNotFound());
        if (input.TagKeys is not { Count: > 0 })
        {
            throw DynamoDbErrors.Validation("Atleast one Tag Key needs to be provided as Input.");
        }
        lock (table.Gate)
        {
            table.Tags.RemoveAll(t => input.TagKeys.Contains(t.Key));
        }
    }

    public ListTagsOfResourceOutput ListTagsOfResource(RequestScope scope, ListTagsOfResourceInput input)
    {
        var table = TableOfResource(scope, "ListTagsOfResource", input.ResourceArn!, DynamoDbErrors.ResourceArnNotFound(input.ResourceArn!));
        lock (table.Gate)
        {
            // At most 50 tags: AWS answers them in one page.
            return new ListTagsOfResourceOutput { Tags = table.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() };
        }
    }

    /// <summary>
    /// The table a tag request's ARN names, in the ARN's account and region. Something that is no ARN
    /// at all (fewer than six parts and a resource path) is refused by authorisation before DynamoDB
    /// reads it, as AccessDeniedException on the resource as given ("*" when empty); an ARN that names
    /// no table is a ValidationException (dynalite's rules, recorded against AWS).
    /// </summary>
    private Table TableOfResource(RequestScope scope, string operation, string arn, AwsServiceException notFound)
    {
        if (!ArnShape().IsMatch(arn))
        {
            throw new AwsServiceException("AccessDeniedException",
                $"User: arn:aws:iam::{scope.AccountId}:root is not authorized to perform: dynamodb:{operation} on resource: {(arn.Length == 0 ? "*" : arn)}");
        }
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(":table/", StringComparison.Ordinal))
        {
            throw DynamoDbErrors.Validation($"Invalid TableArn: Invalid ResourceArn provided as input {arn}");
        }
        var (home, name) = TableNames.Resolve(scope, arn);
        return _regions[home].Tables.TryGetValue(name, out var table) && !table.IsDeleted
            ? table
            : throw notFound;
    }
}
