using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDbStreams.Model;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// The in-memory DynamoDB Streams service: ListStreams, DescribeStream, GetShardIterator and
/// GetRecords over the streams the DynamoDB engine keeps, as the generated <see cref="IDynamoDbStreamsOperations"/>.
/// </summary>
/// <remarks>
/// A stream's shards roll over on the cloud's clock, one chain of parent and child (see <see cref="TableStream"/>).
/// Retention (24 hours), iterator expiry (15 minutes) and the readers limit follow the cloud's
/// clock. Not implemented: shard splits (a shard with two children), and the per-second rate limits
/// of DescribeStream and GetRecords other than the readers limit.
/// </remarks>
internal sealed partial class DynamoDbStreamsEngine(CloudContext cloud, DynamoDbEngine dynamoDb) : IDynamoDbStreamsOperations
{
    private const int MaxRecordsPerRead = 1000;
    private const int MaxStreamsListed = 100;

    /// <summary>The most shards one DescribeStream returns: AWS's upper limit of Limit, and its default.</summary>
    private const int MaxShardsDescribed = 100;
    private long _readers;

    [GeneratedRegex("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+$")]
    private static partial Regex StreamArnPattern();

    public ListStreamsOutput ListStreams(RequestScope scope, ListStreamsInput input)
    {
        if (input.Limit > MaxStreamsListed)
        {
            throw DynamoDbStreamsErrors.Validation(ViolationRenderer.Default.Message([new Violation("limit", input.Limit, new Constraint.MaxValue(MaxStreamsListed))]));
        }
        if (input.ExclusiveStartStreamArn is { } start)
        {
            CheckArn(start);
        }
        var streams = dynamoDb.StreamsOf(scope).Visible(cloud.Now);
        if (input.TableName is { } table)
        {
            streams = streams.FindAll(s => s.TableName == table);
            if (streams.Count == 0 && !dynamoDb.TableExists(scope, table))
            {
                throw DynamoDbStreamsErrors.TableNotFound(table);
            }
        }
        var from = input.ExclusiveStartStreamArn is { } after ? streams.FindIndex(s => s.Arn == after) + 1 : 0;
        var limit = input.Limit ?? MaxStreamsListed;
        var page = streams.Skip(from).Take(limit).ToList();
        return new ListStreamsOutput
        {
            Streams = page.Select(s => new Model.Stream { StreamArn = s.Arn, TableName = s.TableName, StreamLabel = s.Label }).ToList(),
            LastEvaluatedStreamArn = from + page.Count < streams.Count ? page[^1].Arn : null,
        };
    }

    public DescribeStreamOutput DescribeStream(RequestScope scope, DescribeStreamInput input)
    {
        var stream = FindStream(scope, input.StreamArn!);
        var limit = Math.Min(input.Limit ?? MaxShardsDescribed, MaxShardsDescribed);
        List<Shard> shards;
        string? lastEvaluated;
        lock (stream.Gate)
        {
            // A page starts after ExclusiveStartShardId in shard order (shard IDs sort by creation),
            // whether or not the stream still has that shard; a CHILD_SHARDS filter keeps the shards
            // opened when the named one closed.
            var matching = stream.Shards(cloud.Now)
                .Where(s => input.ExclusiveStartShardId is not { } start || string.CompareOrdinal(s.Id, start) > 0)
                .Where(s => input.ShardFilter is not { } filter || (filter.Type == "CHILD_SHARDS" && s.ParentId is not null && s.ParentId == filter.ShardId))
                .ToList();
            shards = matching.Take(limit).Select(s => new Shard
            {
                ShardId = s.Id,
                ParentShardId = s.ParentId,
                SequenceNumberRange = new SequenceNumberRange
                {
                    StartingSequenceNumber = SequenceNumbers.Format(s.StartingSequence),
                    EndingSequenceNumber = s.EndingSequence is { } ending ? SequenceNumbers.Format(ending) : null,
                },
            }).ToList();
            lastEvaluated = matching.Count > limit ? shards[^1].ShardId : null;
        }
        return new DescribeStreamOutput
        {
            StreamDescription = new StreamDescription
            {
                StreamArn = stream.Arn,
                StreamLabel = stream.Label,
                StreamStatus = stream.DisabledAt is null ? "ENABLED" : "DISABLED",
                StreamViewType = stream.ViewType,
                CreationRequestDateTime = stream.Created,
                TableName = stream.TableName,
                KeySchema = stream.Key.Attributes
                    .Select((a, i) => new KeySchemaElement { AttributeName = a.Name, KeyType = i == 0 ? "HASH" : "RANGE" })
                    .ToList(),
                Shards = shards,
                LastEvaluatedShardId = lastEvaluated,
            },
        };
    }

    public GetShardIteratorOutput GetShardIterator(RequestScope scope, GetShardIteratorInput input)
    {
        var stream = FindStream(scope, input.StreamArn!);
        var type = input.ShardIteratorType!;
        var bySequence = type is "AT_SEQUENCE_NUMBER" or "AFTER_SEQUENCE_NUMBER";
        var now = cloud.Now;
        long position;
        lock (stream.Gate)
        {
            var shard = stream.Shard(input.ShardId!, now) ?? throw DynamoDbStreamsErrors.ShardNotFound();
            if (bySequence && input.SequenceNumber is null)
            {
                throw DynamoDbStreamsErrors.Validation($"Must specify a SequenceNumber for ShardIteratorType {type}");
            }
            if (!bySequence && input.SequenceNumber is not null)
            {
                throw DynamoDbStreamsErrors.Validation($"SequenceNumber may only be specified for ShardIteratorType AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER, not {type}");
            }
            if (bySequence)
            {
                if (SequenceNumbers.Parse(input.SequenceNumber) is not { } sequence || !shard.Holds(sequence))
                {
                    throw DynamoDbStreamsErrors.Validation($"Invalid SequenceNumber {input.SequenceNumber} for shard {shard.Id}");
                }
                if (shard.IsTrimmed(sequence, now))
                {
                    throw DynamoDbStreamsErrors.Trimmed();
                }
                position = type == "AT_SEQUENCE_NUMBER" ? sequence : sequence + 1;
            }
            else
            {
                position = type == "TRIM_HORIZON" ? shard.TrimHorizon(now) : shard.LatestPosition;
            }
        }
        var iterator = new ShardIterator(stream.Arn, input.ShardId!, position, now, Interlocked.Increment(ref _readers));
        return new GetShardIteratorOutput { ShardIterator = ShardIterators.Encode(iterator) };
    }

    public GetRecordsOutput GetRecords(RequestScope scope, GetRecordsInput input)
    {
        var limit = input.Limit ?? MaxRecordsPerRead;
        if (limit > MaxRecordsPerRead)
        {
            throw DynamoDbStreamsErrors.LimitTooHigh(limit);
        }
        var iterator = ShardIterators.Decode(input.ShardIterator!)
            ?? throw DynamoDbStreamsErrors.Validation($"Invalid ShardIterator: {input.ShardIterator}");
        var now = cloud.Now;
        if (now - iterator.Issued > ShardIterators.Lifetime)
        {
            throw DynamoDbStreamsErrors.ExpiredIterator();
        }
        var stream = FindStream(scope, iterator.StreamArn);
        StreamRead read;
        lock (stream.Gate)
        {
            var shard = stream.Shard(iterator.ShardId, now) ?? throw DynamoDbStreamsErrors.ShardNotFound();
            if (!stream.AdmitReader(iterator.Reader, now, dynamoDb.Options.StreamReadersPerStream))
            {
                throw DynamoDbStreamsErrors.ReadersExceeded(shard.Id, stream.Arn, scope.AccountId);
            }
            var bytes = 0;
            read = shard.Read(iterator.Position, limit, now, TableStream.MaxReadBytes, [], ref bytes) ?? throw DynamoDbStreamsErrors.Trimmed();
            if (read.AtEnd)
            {
                stream.ReaderDone(iterator.Reader);
            }
        }
        return new GetRecordsOutput
        {
            Records = read.Records.Select(r => ToRecord(stream, r)).ToList(),
            // Past the end of a closed shard there is nothing more: the reader moves on to its child.
            NextShardIterator = read.AtEnd ? null : ShardIterators.Encode(iterator with { Position = read.NextPosition, Issued = now }),
        };
    }

    /// <summary>A stream record as GetRecords returns it.</summary>
    private static Record ToRecord(TableStream stream, ChangeRecord record) => new()
    {
        EventID = record.EventIdText,
        EventName = record.EventName,
        EventVersion = StreamEvents.EventVersion,
        EventSource = StreamEvents.EventSource,
        AwsRegion = stream.Scope.Region,
        Dynamodb = new StreamRecord
        {
            ApproximateCreationDateTime = StreamEvents.ApproximateCreation(record),
            Keys = record.KeysOf(stream.Key),
            NewImage = record.NewImage is null ? null : Dictionary(record.NewImage),
            OldImage = record.OldImage is null ? null : Dictionary(record.OldImage),
            SequenceNumber = SequenceNumbers.Format(record.Sequence),
            SizeBytes = record.SizeBytes,
            StreamViewType = stream.ViewType,
        },
        UserIdentity = record.ByTimeToLive ? new Identity { PrincipalId = StreamEvents.TimeToLivePrincipal, Type = "Service" } : null,
    };

    private static Dictionary<string, AttributeValue> Dictionary(IReadOnlyDictionary<string, AttributeValue> item) =>
        item as Dictionary<string, AttributeValue> ?? new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);

    /// <summary>The visible stream <paramref name="arn"/> names; a malformed ARN is a ValidationException, as on AWS.</summary>
    private TableStream FindStream(RequestScope scope, string arn)
    {
        CheckArn(arn);
        return dynamoDb.StreamsOf(scope).Find(arn, cloud.Now) ?? throw DynamoDbStreamsErrors.StreamNotFound(arn);
    }

    private static void CheckArn(string arn)
    {
        if (!StreamArnPattern().IsMatch(arn))
        {
            throw DynamoDbStreamsErrors.Validation($"Invalid StreamArn: {arn}");
        }
    }
}
