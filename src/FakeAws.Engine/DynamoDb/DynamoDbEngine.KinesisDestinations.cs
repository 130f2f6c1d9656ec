using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Kinesis streaming destinations: Enable, Disable, Describe and UpdateKinesisStreamingDestination, with the
// statuses, rules and texts ack-api-quirks recorded against AWS (2026-10). FakeAws has no Kinesis Data Streams:
// a stream ARN of the table's account and region is taken to name an ACTIVE stream, and no records are sent.
internal sealed partial class DynamoDbEngine
{
    private const string NotValidForKinesis = "Table is not in a valid state to enable Kinesis Streaming Destination: ";

    [GeneratedRegex("^arn:aws:kinesis:(?<region>[^:]+):(?<account>[0-9]{12}):stream/[^/]+$")]
    private static partial Regex KinesisStreamArn();

    public KinesisStreamingDestinationOutput EnableKinesisStreamingDestination(RequestScope scope, KinesisStreamingDestinationInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        lock (table.Gate)
        {
            var now = _cloud.Now;
            var delay = Options.TableStatusDelay;
            if (table.Status == "DELETING" || table.KinesisDestinations.Exists(d => d.IsLive(now, delay)))
            {
                throw DynamoDbErrors.Validation($"{NotValidForKinesis}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
            }
            // Enabling a stream again takes up its disabled or failed entry, which comes first again.
            var destination = table.KinesisDestinations.Find(d => d.StreamArn == input.StreamArn) ?? new KinesisDestination(input.StreamArn!);
            table.KinesisDestinations.Remove(destination);
            table.KinesisDestinations.Insert(0, destination);
            destination.Passing = "ENABLING";
            destination.FailureDescription = KinesisStreamProblem(table, input.StreamArn!);
            destination.Outcome = destination.FailureDescription is null ? "ACTIVE" : "ENABLE_FAILED";
            destination.Precision = input.EnableKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
            destination.ChangedAt = now;
            return new KinesisStreamingDestinationOutput
            {
                TableName = table.Name,
                StreamArn = input.StreamArn,
                DestinationStatus = "ENABLING",
                EnableKinesisStreamingConfiguration = input.EnableKinesisStreamingConfiguration ?? new EnableKinesisStreamingConfiguration(),
            };
        }
    }

    public KinesisStreamingDestinationOutput DisableKinesisStreamingDestination(RequestScope scope, KinesisStreamingDestinationInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        if (input.EnableKinesisStreamingConfiguration is not null)
        {
            throw DynamoDbErrors.Validation("Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        }
        lock (table.Gate)
        {
            var now = _cloud.Now;
            var delay = Options.TableStatusDelay;
            var destination = table.KinesisDestinations.Find(d => d.StreamArn == input.StreamArn);
            // Disabling is accepted while ACTIVE, and again while DISABLING; a stream never enabled is no ResourceNotFound.
            switch (destination?.Status(now, delay))
            {
                case "ACTIVE" when table.Status != "DELETING":
                    destination!.Passing = "DISABLING";
                    destination.Outcome = "DISABLED";
                    destination.ChangedAt = now;
                    break;
                case "DISABLING":
                    break;
                default:
                    throw DynamoDbErrors.Validation($"{NotValidForKinesis}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
            }
            return new KinesisStreamingDestinationOutput { TableName = table.Name, StreamArn = input.StreamArn, DestinationStatus = "DISABLING" };
        }
    }

    public DescribeKinesisStreamingDestinationOutput DescribeKinesisStreamingDestination(RequestScope scope, DescribeKinesisStreamingDestinationInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        lock (table.Gate)
        {
            var now = _cloud.Now;
            var delay = Options.TableStatusDelay;
            return new DescribeKinesisStreamingDestinationOutput
            {
                TableName = table.Name,
                KinesisDataStreamDestinations = [.. table.KinesisDestinations.Select(d => new KinesisDataStreamDestination
                {
                    StreamArn = d.StreamArn,
                    DestinationStatus = d.Status(now, delay),
                    DestinationStatusDescription = d.Status(now, delay) == "ENABLE_FAILED" ? d.FailureDescription : null,
                    ApproximateCreationDateTimePrecision = d.Precision,
                })],
            };
        }
    }

    public UpdateKinesisStreamingDestinationOutput UpdateKinesisStreamingDestination(RequestScope scope, UpdateKinesisStreamingDestinationInput input)
    {
        var table = GetTableForControl(scope, input.TableName);
        if (input.UpdateKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision is not { } precision)
        {
            throw DynamoDbErrors.Validation(
                "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        }
        lock (table.Gate)
        {
            var now = _cloud.Now;
            var destination = table.KinesisDestinations.Find(d => d.StreamArn == input.StreamArn);
            if (destination?.Status(now, Options.TableStatusDelay) != "ACTIVE")
            {
                throw DynamoDbErrors.Validation(
                    $"{NotValidForKinesis}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: {table.Name}");
            }
            // No precision shown means MILLISECOND, as on AWS.
            if ((destination.Precision ?? "MILLISECOND") == precision)
            {
                throw DynamoDbErrors.Validation(
                    $"Invalid Request: Precision is already set to the desired value of {precision} for tableId: {table.TableId}, kdsArn: {destination.StreamArn}");
            }
            destination.Passing = "UPDATING";
            destination.Outcome = "ACTIVE";
            destination.Precision = precision;
            destination.ChangedAt = now;
            return new UpdateKinesisStreamingDestinationOutput
            {
                TableName = table.Name,
                StreamArn = input.StreamArn,
                DestinationStatus = "UPDATING",
                UpdateKinesisStreamingConfiguration = input.UpdateKinesisStreamingConfiguration,
            };
        }
    }

    /// <summary>
    /// Why AWS would fail to enable streaming to <paramref name="streamArn"/>, with the DestinationStatusDescription
    /// it gives, or null when it would succeed. AWS checks the stream only after answering ENABLING; FakeAws takes
    /// a stream of the table's account and region to exist and be ACTIVE.
    /// </summary>
    private static string? KinesisStreamProblem(Table table, string streamArn)
    {
        var match = KinesisStreamArn().Match(streamArn);
        if (!match.Success)
        {
            // A table's ARN, a stream consumer's, a Firehose stream's: AWS words every such ARN as a permission problem.
            return "User does not have a permission to use kinesis stream";
        }
        if (match.Groups["region"].Value != table.Region)
        {
            return "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region";
        }
        return match.Groups["account"].Value != table.AccountId
            ? "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state"
            : null;
    }
}
