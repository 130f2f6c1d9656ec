using System.Globalization;
using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Resource-based policies: PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on table and stream
// ARNs, CreateTable's ResourcePolicy, and the policy's say over callers of other accounts. Texts and rules as
// moto's AWS-verified tests and ack-api-quirks' recordings (2026-10) show them.
internal sealed partial class DynamoDbEngine
{
    /// <summary>The ExpectedRevisionId that asks for a policy to be attached only where none is.</summary>
    private const string NoPolicy = "NO_POLICY";

    [GeneratedRegex("^arn:(?<partition>[^:]*):(?<service>[^:]*):(?<region>[^:]*):(?<account>[^:]*):table/(?<name>[^/]+)(?:/(?<kind>[^/]+)/(?<sub>.+))?$")]
    private static partial Regex ResourceArnPattern();

    /// <summary>What a policy request's ResourceArn names: the table, and the ARN the policy is attached to.</summary>
    private readonly record struct PolicyTarget(Table Table, string Arn, string Subject);

    public PutResourcePolicyOutput PutResourcePolicy(RequestScope scope, PutResourcePolicyInput input)
    {
        var target = PolicyTargetOf(scope, input.ResourceArn!);
        var document = PolicyDocument.Parse(input.Policy!);
        if (input.ConfirmRemoveSelfResourceAccess != true && document.Denies(scope.AccountId, "dynamodb:PutResourcePolicy", target.Arn))
        {
            throw new AwsServiceException("AccessDeniedException", "The new resource policy will not allow you to update the resource policy in the future.");
        }
        var table = target.Table;
        lock (table.Gate)
        {
            CheckPolicyChangeable(table);
            var slot = table.Policies.GetValueOrDefault(target.Arn);
            var current = slot?.Canonical is null ? null : slot.RevisionId;
            switch (input.ExpectedRevisionId)
            {
                case null:
                    break;
                case NoPolicy when current is not null:
                    throw PolicyNotFound(
                        $"Requested policy update expecting none to be present for {target.Subject}, but a policy exists with revision id {current}.");
                case NoPolicy:
                    break;
                case var expected when current is null:
                    throw PolicyNotFound($"Requested update for policy with revision id {expected}, but {target.Subject} has no associated policy.");
                case var expected when expected != current:
                    throw PolicyNotFound(
                        $"Requested update for policy with revision id {expected}, but the policy associated to target {target.Subject} has revision id {current}.");
            }
            // The same policy again (in any formatting) changes nothing and keeps its revision.
            if (slot?.Canonical == document.Canonical)
            {
                return new PutResourcePolicyOutput { RevisionId = current };
            }
            Attach(table, target.Arn, document);
            return new PutResourcePolicyOutput { RevisionId = table.Policies[target.Arn].RevisionId };
        }
    }

    public GetResourcePolicyOutput GetResourcePolicy(RequestScope scope, GetResourcePolicyInput input)
    {
        var target = PolicyTargetOf(scope, input.ResourceArn!);
        lock (target.Table.Gate)
        {
            return target.Table.Policies.GetValueOrDefault(target.Arn) is { Text: { } text } slot
                ? new GetResourcePolicyOutput { Policy = text, RevisionId = slot.RevisionId }
                : throw new AwsServiceException("PolicyNotFoundException", $"Resource-based policy not found for the provided ResourceArn: {input.ResourceArn}");
        }
    }

    public DeleteResourcePolicyOutput DeleteResourcePolicy(RequestScope scope, DeleteResourcePolicyInput input)
    {
        var target = PolicyTargetOf(scope, input.ResourceArn!);
        var table = target.Table;
        lock (table.Gate)
        {
            CheckPolicyChangeable(table);
            var slot = table.Policies.GetValueOrDefault(target.Arn);
            // After a deletion the slot answers with the deletion's revision, and a revision check compares against it.
            var current = slot?.Canonical is null ? slot?.DeletedRevisionId : slot.RevisionId;
            if (input.ExpectedRevisionId is { } expected)
            {
                if (current is null)
                {
                    throw PolicyNotFound($"Requested update for policy with revision id {expected}, but {target.Subject} has no associated policy.");
                }
                if (expected != current)
                {
                    throw PolicyNotFound(
                        $"Requested update for policy with revision id {expected}, but the policy associated to target {target.Subject} has revision id {current}.");
                }
            }
            if (slot?.Canonical is null)
            {
                // Deleting nothing succeeds: an empty answer, or the last deletion's revision.
                return new DeleteResourcePolicyOutput { RevisionId = current };
            }
            var removed = slot.RevisionId;
            slot.Canonical = null;
            slot.Text = null;
            slot.RevisionId = null;
            slot.DeletedRevisionId = NextPolicyRevision(table);
            return new DeleteResourcePolicyOutput { RevisionId = removed };
        }
    }

    /// <summary>Attaches <paramref name="document"/> to <paramref name="arn"/> of <paramref name="table"/> with a new revision; the caller holds the table's lock.</summary>
    private void Attach(Table table, string arn, PolicyDocument document)
    {
        if (!table.Policies.TryGetValue(arn, out var slot))
        {
            table.Policies[arn] = slot = new PolicySlot();
        }
        slot.Canonical = document.Canonical;
        slot.Text = document.Text;
        slot.RevisionId = NextPolicyRevision(table);
        slot.DeletedRevisionId = null;
    }

    /// <summary>
    /// A new revision id: the epoch milliseconds of the change, as AWS's are, made larger than the table's last
    /// one when the clock has not moved since, so that revisions stay distinct and ordered on a clock that stands still.
    /// </summary>
    private string NextPolicyRevision(Table table)
    {
        table.LastPolicyRevision = Math.Max(_cloud.Now.ToUnixTimeMilliseconds(), table.LastPolicyRevision + 1);
        return table.LastPolicyRevision.ToString(CultureInfo.InvariantCulture);
    }

    private static void CheckPolicyChangeable(Table table)
    {
        if (table.Status == "DELETING")
        {
            throw DynamoDbErrors.ResourceInUse($"Attempt to change a resource which is still in use: Table is being deleted: {table.Name}");
        }
    }

    private static AwsServiceException PolicyNotFound(string detail) =>
        new("PolicyNotFoundException", $"Resource-based policy not found for the provided ResourceArn: {detail}");

    /// <summary>
    /// The table or stream a policy request's ResourceArn names, with AWS's errors: only an ARN of the caller's
    /// own account and region, naming a table or one of its streams, is accepted.
    /// </summary>
    private PolicyTarget PolicyTargetOf(RequestScope scope, string arn)
    {
        const string Invalid = "One or more parameter values were invalid: ";
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw DynamoDbErrors.Validation($"{Invalid}ARNs must start with 'arn:': {arn}");
        }
        var match = ResourceArnPattern().Match(arn);
        if (!match.Success || match.Groups["service"].Value != "dynamodb" || match.Groups["kind"].Value is not ("" or "stream" or "index"))
        {
            throw DynamoDbErrors.Validation($"{Invalid}Provided Arn is not a DynamoDB resource arn: {arn}");
        }
        if (match.Groups["account"].Value != scope.AccountId)
        {
            throw DynamoDbErrors.Validation("This action is only supported by accounts that match the resource owner’s account.");
        }
        if (match.Groups["partition"].Value != "aws" || match.Groups["region"].Value != scope.Region)
        {
            throw DynamoDbErrors.Validation($"{Invalid}Invalid resource Arn: {arn}");
        }
        if (match.Groups["kind"].Value == "index")
        {
            throw DynamoDbErrors.Validation($"{Invalid}Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {arn}");
        }
        var name = match.Groups["name"].Value;
        if (!_regions[scope].Tables.TryGetValue(name, out var table))
        {
            throw DynamoDbErrors.TableNotFound(name);
        }
        if (match.Groups["kind"].Value != "stream")
        {
            return new PolicyTarget(table, table.Arn, $"table {name}");
        }
        var label = match.Groups["sub"].Value;
        var streamArn = $"{table.Arn}/stream/{label}";
        var streams = _regions[scope].Streams;
        return streams.Find(streamArn, _cloud.Now) is not null
            ? new PolicyTarget(table, streamArn, $"stream {label}")
            : throw new AwsServiceException("ResourceNotFoundException", $"Requested resource not found: Stream: {label} not found for Table: {name}");
    }

    /// <summary>
    /// A request that names a table of another account by its ARN is allowed only when the table's resource-based
    /// policy allows the caller's account the operation's action, and no statement denies it (IAM's rule for
    /// cross-account access). Requests of the table's own account are not affected by its policy here.
    /// </summary>
    private static void Authorize(RequestScope scope, Table table, string operation)
    {
        if (table.AccountId == scope.AccountId)
        {
            return;
        }
        string? policy;
        lock (table.Gate)
        {
            policy = table.Policies.GetValueOrDefault(table.Arn)?.Text;
        }
        var action = $"dynamodb:{operation}";
        var decision = policy is null ? null : PolicyDocument.Parse(policy).Decide(scope.AccountId, action, table.Arn);
        if (decision == true)
        {
            return;
        }
        var why = decision == false ? "with an explicit deny in a resource-based policy" : $"because no resource-based policy allows the {action} action";
        throw new AwsServiceException("AccessDeniedException",
            $"User: arn:aws:iam::{scope.AccountId}:root is not authorized to perform: {action} on resource: {table.Arn} {why}");
    }
}
