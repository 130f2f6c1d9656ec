using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Filtering;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// Event source mappings: Create/Get/Update/Delete/ListEventSourceMappings for the sources a poller
// reads (DynamoDB streams). Deliveries are in LambdaEngine.EventSourceDelivery.cs.
internal sealed partial class LambdaEngine
{
    /// <summary>Lambda's default batch size for stream sources: 100.</summary>
    private const int DefaultStreamBatchSize = 100;

    private readonly List<IEventSourcePoller> _pollers = [];

    /// <summary>Lets mappings read the sources <paramref name="poller"/> handles.</summary>
    public void AddEventSource(IEventSourcePoller poller) => _pollers.Add(poller);

    public EventSourceMappingConfiguration CreateEventSourceMapping(RequestScope scope, CreateEventSourceMappingRequest request)
    {
        var source = request.EventSourceArn ?? throw LambdaErrors.InvalidParameter("Unrecognized event source.");
        var (functionName, functionArn) = MappedFunction(scope, request.FunctionName!, missing: "Function does not exist");
        var poller = _pollers.Find(p => p.Handles(source))
            ?? throw LambdaErrors.Unsupported("event sources other than DynamoDB streams");
        CheckDestinations(request.DestinationConfig);
        var filter = EventFilter.From(request.FilterCriteria);
        if (request.StartingPositionTimestamp is not null && request.StartingPosition != "AT_TIMESTAMP")
        {
            throw LambdaErrors.InvalidParameter("Timestamp only valid with StartingPosition AT_TIMESTAMP");
        }
        var position = poller.Start(scope, source, request.StartingPosition);
        var region = Region(scope);
        lock (region.Gate)
        {
            if (region.EventSourceMappings.Values.FirstOrDefault(m => m.EventSourceArn == source && m.FunctionArn == functionArn) is { } existing)
            {
                throw LambdaErrors.Conflict(
                    $"The event source arn (\" {source} \") and function (\" {functionName} \") provided mapping already exists. Please update or delete the existing mapping with UUID {existing.Uuid}");
            }
            var uuid = _cloud.Ids.NewGuid().ToString();
            var batchSize = request.BatchSize ?? DefaultStreamBatchSize;
            var mapping = new EventSourceMapping
            {
                Uuid = uuid,
                Arn = $"arn:aws:lambda:{scope.Region}:{scope.AccountId}:event-source-mapping:{uuid}",
                Scope = scope,
                EventSourceArn = source,
                Poller = poller,
                StartingPosition = request.StartingPosition!,
                FunctionName = functionName,
                FunctionArn = functionArn,
                BatchSize = batchSize,
                BatchLimit = batchSize,
                MaximumBatchingWindowInSeconds = request.MaximumBatchingWindowInSeconds ?? 0,
                MaximumRetryAttempts = request.MaximumRetryAttempts ?? -1,
                MaximumRecordAgeInSeconds = request.MaximumRecordAgeInSeconds ?? -1,
                BisectBatchOnFunctionError = request.BisectBatchOnFunctionError ?? false,
                FunctionResponseTypes = request.FunctionResponseTypes ?? [],
                DestinationConfig = WithOnFailure(request.DestinationConfig),
                ParallelizationFactor = request.ParallelizationFactor ?? 1,
                TumblingWindowInSeconds = request.TumblingWindowInSeconds ?? 0,
                Filter = filter,
                Enabled = request.Enabled ?? true,
                LastModified = Now,
                Transition = "Creating",
                ReadyAt = ReadyAt(),
                Position = position,
            };
            region.EventSourceMappings[uuid] = mapping;
            // Records written before a TRIM_HORIZON mapping existed are delivered too, after the batching window.
            if (mapping.Enabled)
            {
                ScheduleDelivery(mapping, Now + TimeSpan.FromSeconds(mapping.MaximumBatchingWindowInSeconds));
            }
            return DescribeMapping(mapping, justChanged: true);
        }
    }

    public EventSourceMappingConfiguration GetEventSourceMapping(RequestScope scope, GetEventSourceMappingRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            return DescribeMapping(GetMapping(region, request.UUID!));
        }
    }

    public EventSourceMappingConfiguration UpdateEventSourceMapping(RequestScope scope, UpdateEventSourceMappingRequest request)
    {
        CheckDestinations(request.DestinationConfig);
        var filter = request.FilterCriteria is { } criteria ? EventFilter.From(criteria) : null;
        var function = request.FunctionName is { } name ? MappedFunction(scope, name) : ((string, string)?)null;
        var region = Region(scope);
        lock (region.Gate)
        {
            var mapping = GetMapping(region, request.UUID!);
            if (function is var (functionName, functionArn))
            {
                mapping.FunctionName = functionName;
                mapping.FunctionArn = functionArn;
            }
            if (request.BatchSize is { } batchSize)
            {
                mapping.BatchSize = batchSize;
                mapping.BatchLimit = batchSize;
                mapping.Remaining = 0;
            }
            mapping.MaximumBatchingWindowInSeconds = request.MaximumBatchingWindowInSeconds ?? mapping.MaximumBatchingWindowInSeconds;
            mapping.MaximumRetryAttempts = request.MaximumRetryAttempts ?? mapping.MaximumRetryAttempts;
            mapping.MaximumRecordAgeInSeconds = request.MaximumRecordAgeInSeconds ?? mapping.MaximumRecordAgeInSeconds;
            mapping.BisectBatchOnFunctionError = request.BisectBatchOnFunctionError ?? mapping.BisectBatchOnFunctionError;
            mapping.FunctionResponseTypes = request.FunctionResponseTypes ?? mapping.FunctionResponseTypes;
            mapping.DestinationConfig = request.DestinationConfig is null ? mapping.DestinationConfig : WithOnFailure(request.DestinationConfig);
            mapping.ParallelizationFactor = request.ParallelizationFactor ?? mapping.ParallelizationFactor;
            mapping.TumblingWindowInSeconds = request.TumblingWindowInSeconds ?? mapping.TumblingWindowInSeconds;
            // Criteria given replace the mapping's; empty criteria ({} or no filters) remove them.
            mapping.Filter = request.FilterCriteria is null ? mapping.Filter : filter;
            mapping.Transition = request.Enabled is { } enabled && enabled != mapping.Enabled ? (enabled ? "Enabling" : "Disabling") : "Updating";
            mapping.Enabled = request.Enabled ?? mapping.Enabled;
            mapping.LastModified = Now;
            mapping.ReadyAt = ReadyAt();
            if (mapping.Enabled)
            {
                ScheduleDelivery(mapping, Now + TimeSpan.FromSeconds(mapping.MaximumBatchingWindowInSeconds));
            }
            return DescribeMapping(mapping, justChanged: true);
        }
    }

    public EventSourceMappingConfiguration DeleteEventSourceMapping(RequestScope scope, DeleteEventSourceMappingRequest request)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            var mapping = GetMapping(region, request.UUID!);
            region.EventSourceMappings.Remove(mapping.Uuid);
            mapping.Deleted = true;
            var description = DescribeMapping(mapping);
            description.State = "Deleting";
            return description;
        }
    }

    public ListEventSourceMappingsResponse ListEventSourceMappings(RequestScope scope, ListEventSourceMappingsRequest request)
    {
        var functionArn = request.FunctionName is { } name ? MappedFunctionArn(scope, name) : null;
        var region = Region(scope);
        lock (region.Gate)
        {
            var mappings = region.EventSourceMappings.Values
                .Where(m => request.EventSourceArn is null || m.EventSourceArn == request.EventSourceArn)
                .Where(m => functionArn is null || m.FunctionArn == functionArn)
                .ToList();
            var (page, next) = Paging.Take(mappings, request.Marker, request.MaxItems ?? 100);
            return new ListEventSourceMappingsResponse
            {
                EventSourceMappings = page.Select(m => DescribeMapping(m)).ToList(),
                NextMarker = next,
            };
        }
    }

    /// <summary>The function a mapping names: its name and ARN (qualified when a version or alias is named). It must exist.</summary>
    /// <param name="scope">The caller's account and region.</param>
    /// <param name="nameOrArn">The function as the request names it.</param>
    /// <param name="missing">
    /// The message of the InvalidParameterValueException for a missing function, as CreateEventSourceMapping
    /// words it; null for the usual ResourceNotFoundException.
    /// </param>
    private (string Name, string Arn) MappedFunction(RequestScope scope, string nameOrArn, string? missing = null)
    {
        var reference = FunctionArns.Resolve(scope, nameOrArn, null);
        var region = Region(scope);
        lock (region.Gate)
        {
            if (missing is not null && !region.Functions.ContainsKey(reference.Name))
            {
                throw LambdaErrors.InvalidParameter(missing);
            }
            var function = GetFunction(region, reference.Name);
            if (reference.Qualifier is { } qualifier)
            {
                GetVersion(function, qualifier);
                return (reference.Name, FunctionArns.Qualified(scope, reference.Name, qualifier));
            }
            return (reference.Name, function.Arn);
        }
    }

    /// <summary>The ARN a ListEventSourceMappings filter names; the function need not exist.</summary>
    private static string MappedFunctionArn(RequestScope scope, string nameOrArn)
    {
        var reference = FunctionArns.Resolve(scope, nameOrArn, null);
        return reference.Qualifier is { } qualifier
            ? FunctionArns.Qualified(scope, reference.Name, qualifier)
            : FunctionArns.Function(scope, reference.Name);
    }

    private static EventSourceMapping GetMapping(LambdaRegion region, string uuid) =>
        region.EventSourceMappings.TryGetValue(uuid, out var mapping)
            ? mapping
            : throw LambdaErrors.NotFound("The resource you requested does not exist.");

    /// <summary>Stream sources send failed batches to an on-failure destination only; on-success is refused, as on AWS.</summary>
    private static void CheckDestinations(DestinationConfig? destinations)
    {
        if (destinations?.OnSuccess is not null)
        {
            throw LambdaErrors.InvalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
    }

    /// <summary>AWS always shows an OnFailure member, empty when no destination is set.</summary>
    private static DestinationConfig WithOnFailure(DestinationConfig? destinations) =>
        new() { OnFailure = destinations?.OnFailure ?? new OnFailure() };

    /// <summary>
    /// A mapping as the API shows it. The response of the create or update itself shows the change
    /// settling (Creating, Updating, Enabling, Disabling), as AWS's does; later reads show it settled
    /// once the configured state transition delay has passed.
    /// </summary>
    private EventSourceMappingConfiguration DescribeMapping(EventSourceMapping mapping, bool justChanged = false) => new()
    {
        UUID = mapping.Uuid,
        StartingPosition = mapping.StartingPosition,
        BatchSize = mapping.BatchSize,
        MaximumBatchingWindowInSeconds = mapping.MaximumBatchingWindowInSeconds,
        ParallelizationFactor = mapping.ParallelizationFactor,
        EventSourceArn = mapping.EventSourceArn,
        FunctionArn = mapping.FunctionArn,
        LastModified = mapping.LastModified,
        LastProcessingResult = mapping.LastProcessingResult,
        State = justChanged || Now < mapping.ReadyAt ? mapping.Transition : mapping.Enabled ? "Enabled" : "Disabled",
        StateTransitionReason = "User action",
        DestinationConfig = mapping.DestinationConfig,
        MaximumRecordAgeInSeconds = mapping.MaximumRecordAgeInSeconds,
        BisectBatchOnFunctionError = mapping.BisectBatchOnFunctionError,
        MaximumRetryAttempts = mapping.MaximumRetryAttempts,
        TumblingWindowInSeconds = mapping.TumblingWindowInSeconds,
        FunctionResponseTypes = [.. mapping.FunctionResponseTypes],
        FilterCriteria = mapping.Filter?.Describe(),
        EventSourceMappingArn = mapping.Arn,
    };
}
