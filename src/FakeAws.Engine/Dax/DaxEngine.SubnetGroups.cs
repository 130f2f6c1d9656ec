using FakeAws.Engine.Core;
using FakeAws.Engine.Dax.Model;

namespace FakeAws.Engine.Dax;

// Subnet groups: named lists of subnets a cluster's nodes are placed in.
internal sealed partial class DaxEngine
{
    public CreateSubnetGroupResponse CreateSubnetGroup(RequestScope scope, CreateSubnetGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var name = input.SubnetGroupName!.ToLowerInvariant();
            if (region.SubnetGroups.ContainsKey(name))
            {
                throw DaxErrors.Fault("SubnetGroupAlreadyExistsFault", $"Subnet group {name} already exists.");
            }
            if (region.SubnetGroups.Count >= MaxSubnetGroups)
            {
                throw DaxErrors.Fault("SubnetGroupQuotaExceededFault", $"You can have at most {MaxSubnetGroups} subnet groups in this region.");
            }
            var group = region.SubnetGroups[name] = new SubnetGroup { SubnetGroupName = name, Description = input.Description, SupportedNetworkTypes = ["ipv4"] };
            SetSubnets(group, input.SubnetIds, scope.Region);
            return new CreateSubnetGroupResponse { SubnetGroup = group };
        }
    }

    public DescribeSubnetGroupsResponse DescribeSubnetGroups(RequestScope scope, DescribeSubnetGroupsRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var groups = input.SubnetGroupNames is { Count: > 0 } names
                ? names.Select(n => SubnetGroupOf(region, n)).ToList()
                : region.SubnetGroups.Values.OrderBy(g => g.SubnetGroupName, StringComparer.Ordinal).ToList();
            var (page, next) = Page(groups, input.MaxResults, input.NextToken);
            return new DescribeSubnetGroupsResponse { SubnetGroups = page, NextToken = next };
        }
    }

    public UpdateSubnetGroupResponse UpdateSubnetGroup(RequestScope scope, UpdateSubnetGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var group = SubnetGroupOf(region, input.SubnetGroupName);
            group.Description = input.Description ?? group.Description;
            if (input.SubnetIds is { } subnets)
            {
                SetSubnets(group, subnets, scope.Region);
            }
            return new UpdateSubnetGroupResponse { SubnetGroup = group };
        }
    }

    public DeleteSubnetGroupResponse DeleteSubnetGroup(RequestScope scope, DeleteSubnetGroupRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var group = SubnetGroupOf(region, input.SubnetGroupName);
            if (region.Clusters.Values.Any(c => c.SubnetGroup == group.SubnetGroupName))
            {
                throw DaxErrors.Fault("SubnetGroupInUseFault", $"Subnet group {group.SubnetGroupName} is in use.");
            }
            region.SubnetGroups.Remove(group.SubnetGroupName!);
            return new DeleteSubnetGroupResponse { DeletionMessage = $"Subnet group {group.SubnetGroupName} has been deleted." };
        }
    }

    private static SubnetGroup SubnetGroupOf(DaxRegion region, string? name) =>
        region.SubnetGroups.TryGetValue(name?.ToLowerInvariant() ?? "", out var group) ? group : throw DaxErrors.SubnetGroupNotFound(name ?? "");

    // FakeAws has no VPCs: every subnet id is accepted and placed in one of the region's zones, in one VPC per region.
    private static void SetSubnets(SubnetGroup group, List<string>? subnetIds, string region)
    {
        if (subnetIds is not { Count: > 0 })
        {
            throw DaxErrors.InvalidParameter("At least one subnet id is required.");
        }
        if (subnetIds.Count > MaxSubnetsPerGroup)
        {
            throw DaxErrors.Fault("SubnetQuotaExceededFault", $"A subnet group can have at most {MaxSubnetsPerGroup} subnets.");
        }
        group.VpcId = "vpc-0fa4e5c6fakeaws0";
        group.Subnets = subnetIds.Select((id, i) => new Subnet { SubnetIdentifier = id, SubnetAvailabilityZone = $"{region}{(char)('a' + i % 3)}", SupportedNetworkTypes = ["ipv4"] }).ToList();
    }
}
