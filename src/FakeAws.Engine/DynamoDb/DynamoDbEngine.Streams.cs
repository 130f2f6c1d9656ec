using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Engine.DynamoDbStreams;

namespace FakeAws.Engine.DynamoDb;

// The table side of DynamoDB Streams: StreamSpecification on CreateTable and UpdateTable, the
// stream ARN and label in a table's description, and the catalog the Streams service reads.
internal sealed partial class DynamoDbEngine
{
    /// <summary>
    /// Raised, under the table's lock, each time a record is appended to a stream: with the stream's
    /// account and region and its ARN. Lambda's event source mappings schedule their deliveries on it.
    /// </summary>
    public event Action<RequestScope, string>? StreamRecordsAppended;

    /// <summary>The streams of <paramref name="scope"/>, for the DynamoDB Streams service.</summary>
    internal StreamCatalog StreamsOf(RequestScope scope) => _regions[scope].Streams;

    /// <summary>Whether <paramref name="scope"/> has a table named <paramref name="name"/>.</summary>
    internal bool TableExists(RequestScope scope, string name) =>
        _regions[scope].Tables.TryGetValue(name, out var table) && !table.IsDeleted;

    /// <summary>The checks CreateTable makes on a StreamSpecification.</summary>
    private static void ValidateStreamAtCreate(StreamSpecification? specification)
    {
        if (specification is null)
        {
            return;
        }
        if (specification.StreamEnabled == true && specification.StreamViewType is null)
        {
            throw DynamoDbErrors.Validation(
                "One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (specification.StreamEnabled != true && specification.StreamViewType is not null)
        {
            throw DynamoDbErrors.Validation(
                "One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
    }

    /// <summary>
    /// Enables or disables the stream of <paramref name="table"/> as UpdateTable asks. Enabling always
    /// makes a new stream with a new ARN; a disabled stream stays readable for 24 hours.
    /// </summary>
    private void UpdateStream(RequestScope scope, Table table, StreamSpecification specification)
    {
        if (specification.StreamEnabled == true)
        {
            if (table.Stream is not null)
            {
                throw DynamoDbErrors.Validation($"Table already has an enabled stream: TableName: {table.Name}");
            }
            if (specification.StreamViewType is null)
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required");
            }
            OpenStream(scope, table, specification.StreamViewType);
            return;
        }
        if (table.Replication is not null)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.");
        }
        if (table.Stream is null)
        {
            throw DynamoDbErrors.Validation($"Table has no stream to disable: TableName: {table.Name}");
        }
        if (specification.StreamViewType is not null)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified");
        }
        CloseStream(table);
    }

    /// <summary>Gives <paramref name="table"/> a new stream with view type <paramref name="viewType"/>.</summary>
    private void OpenStream(RequestScope scope, Table table, string viewType)
    {
        var catalog = _regions[scope].Streams;
        var now = _cloud.Now;
        // The label is the creation time to the millisecond; a table's labels never repeat.
        var labelTime = table.LastStreamLabelTime is { } last && now <= last ? last.AddMilliseconds(1) : now;
        table.LastStreamLabelTime = labelTime;
        var label = labelTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        var stream = new TableStream(_cloud, catalog, scope, $"{table.Arn}/stream/{label}", label, table.Name, table.Key, viewType, labelTime,
            Options.StreamShardRolloverPeriod)
        {
            Appended = s => StreamRecordsAppended?.Invoke(s.Scope, s.Arn),
        };
        catalog.Add(stream);
        table.Stream = stream;
        table.LatestStream = stream;
    }

    /// <summary>Closes the table's stream; its records stay readable for 24 hours.</summary>
    private void CloseStream(Table table)
    {
        table.Stream?.Disable(_cloud.Now);
        table.Stream = null;
    }

    /// <summary>The stream members of a table's description: the specification while enabled, and the newest stream's ARN and label.</summary>
    private static void DescribeStream(Table table, TableDescription description)
    {
        if (table.Stream is { } stream)
        {
            description.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = stream.ViewType };
        }
        if (table.LatestStream is { } latest)
        {
            description.LatestStreamArn = latest.Arn;
            description.LatestStreamLabel = latest.Label;
        }
    }
}
