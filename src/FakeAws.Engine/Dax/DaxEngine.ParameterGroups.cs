using System.Globalization;
using FakeAws.Engine.Core;
using FakeAws.Engine.Dax.Model;

namespace FakeAws.Engine.Dax;

/// <summary>A parameter group: DAX's two parameters, the cache TTLs a cluster takes when it becomes available.</summary>
internal sealed class ParameterGroupRecord(string name, string? description)
{
    public string Name { get; } = name;
    public string? Description { get; } = description;
    public long QueryTtlMillis { get; set; } = DefaultTtlMillis;
    public long RecordTtlMillis { get; set; } = DefaultTtlMillis;

    /// <summary>300000 ms, five minutes, for both TTLs.</summary>
    public const long DefaultTtlMillis = 300000;
}

// Parameter groups: default.dax1.0 and the account's own, with query-ttl-millis and record-ttl-millis.
internal sealed partial class DaxEngine
{
    private const string QueryTtl = "query-ttl-millis";
    private const string RecordTtl = "record-ttl-millis";

    public CreateParameterGroupResponse CreateParameterGroup(RequestScope scope, CreateParameterGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var name = input.ParameterGroupName!.ToLowerInvariant();
            if (region.ParameterGroups.ContainsKey(name))
            {
                throw DaxErrors.Fault("ParameterGroupAlreadyExistsFault", $"Parameter group {name} already exists.");
            }
            if (region.ParameterGroups.Count - 1 >= MaxParameterGroups)
            {
                throw DaxErrors.Fault("ParameterGroupQuotaExceededFault", $"You can have at most {MaxParameterGroups} parameter groups in this region.");
            }
            var group = region.ParameterGroups[name] = new ParameterGroupRecord(name, input.Description);
            Record(region, name, "Parameter group created", "PARAMETER_GROUP");
            return new CreateParameterGroupResponse { ParameterGroup = Describe(group) };
        }
    }

    public DescribeParameterGroupsResponse DescribeParameterGroups(RequestScope scope, DescribeParameterGroupsRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var groups = input.ParameterGroupNames is { Count: > 0 } names
                ? names.Select(n => ParameterGroup(region, n)).ToList()
                : region.ParameterGroups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
            var (page, next) = Page(groups, input.MaxResults, input.NextToken);
            return new DescribeParameterGroupsResponse { ParameterGroups = page.Select(Describe).ToList(), NextToken = next };
        }
    }

    public DescribeParametersResponse DescribeParameters(RequestScope scope, DescribeParametersRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var group = ParameterGroup(region, input.ParameterGroupName);
            var parameters = Parameters(group).Where(p => input.Source is null || p.Source == input.Source).ToList();
            var (page, next) = Page(parameters, input.MaxResults, input.NextToken);
            return new DescribeParametersResponse { Parameters = page, NextToken = next };
        }
    }

    public DescribeDefaultParametersResponse DescribeDefaultParameters(RequestScope scope, DescribeDefaultParametersRequest input)
    {
        var (page, next) = Page(Parameters(new ParameterGroupRecord(DefaultParameterGroup, null)), input.MaxResults, input.NextToken);
        return new DescribeDefaultParametersResponse { Parameters = page, NextToken = next };
    }

    public UpdateParameterGroupResponse UpdateParameterGroup(RequestScope scope, UpdateParameterGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var group = ParameterGroup(region, input.ParameterGroupName);
            if (group.Name == DefaultParameterGroup)
            {
                throw DaxErrors.Fault("InvalidParameterGroupStateFault", "The default parameter group cannot be modified.");
            }
            foreach (var parameter in input.ParameterNameValues ?? [])
            {
                if (!long.TryParse(parameter.ParameterValue, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
                {
                    throw DaxErrors.InvalidParameter($"Invalid value {parameter.ParameterValue} for parameter {parameter.ParameterName}.");
                }
                switch (parameter.ParameterName)
                {
                    case QueryTtl:
                        group.QueryTtlMillis = millis;
                        break;
                    case RecordTtl:
                        group.RecordTtlMillis = millis;
                        break;
                    default:
                        throw DaxErrors.InvalidParameter($"Unknown parameter {parameter.ParameterName}.");
                }
            }
            return new UpdateParameterGroupResponse { ParameterGroup = Describe(group) };
        }
    }

    public DeleteParameterGroupResponse DeleteParameterGroup(RequestScope scope, DeleteParameterGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var group = ParameterGroup(region, input.ParameterGroupName);
            if (group.Name == DefaultParameterGroup || region.Clusters.Values.Any(c => c.ParameterGroup == group.Name))
            {
                throw DaxErrors.Fault("InvalidParameterGroupStateFault", $"Parameter group {group.Name} is the default or in use, and cannot be deleted.");
            }
            region.ParameterGroups.Remove(group.Name);
            return new DeleteParameterGroupResponse { DeletionMessage = $"Parameter group {group.Name} has been deleted." };
        }
    }

    private static ParameterGroupRecord ParameterGroup(DaxRegion region, string? name) =>
        region.ParameterGroups.TryGetValue(name?.ToLowerInvariant() ?? "", out var group) ? group : throw DaxErrors.ParameterGroupNotFound(name ?? "");

    private static Model.ParameterGroup Describe(ParameterGroupRecord group) => new() { ParameterGroupName = group.Name, Description = group.Description };

    private static List<Parameter> Parameters(ParameterGroupRecord group) =>
    [
        Parameter(QueryTtl, group.QueryTtlMillis, "Duration in milliseconds for queries to remain cached"),
        Parameter(RecordTtl, group.RecordTtlMillis, "Duration in milliseconds for records to remain valid in cache (Default: 0 = infinite)"),
    ];

    private static Parameter Parameter(string name, long millis, string description) => new()
    {
        ParameterName = name,
        ParameterType = "DEFAULT",
        ParameterValue = millis.ToString(CultureInfo.InvariantCulture),
        Description = description,
        Source = millis == ParameterGroupRecord.DefaultTtlMillis ? "system" : "user",
        DataType = "integer",
        AllowedValues = "0-",
        IsModifiable = "TRUE",
        ChangeType = "REQUIRES_REBOOT",
    };
}
