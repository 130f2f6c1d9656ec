using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Time to Live: UpdateTimeToLive and DescribeTimeToLive. The deletions themselves are TimeToLive's work.
internal sealed partial class DynamoDbEngine
{
    public UpdateTimeToLiveOutput UpdateTimeToLive(RequestScope scope, UpdateTimeToLiveInput input)
    {
        TableNames.Validate(input.TableName);
        var table = GetTableForControl(scope, input.TableName);
        var specification = input.TimeToLiveSpecification!;
        lock (table.Gate)
        {
            var ttl = table.TimeToLive;
            var now = _cloud.Now;
            if (specification.Enabled == true)
            {
                CheckTimeToLiveAllowed(table);
                if (ttl.Enabled && ttl.AttributeName == specification.AttributeName)
                {
                    throw DynamoDbErrors.Validation("TimeToLive is already enabled");
                }
                if (ttl.Enabled)
                {
                    throw DynamoDbErrors.Validation($"TimeToLive is active on a different AttributeName: current AttributeName is {ttl.AttributeName}");
                }
            }
            else if (!ttl.Enabled)
            {
                throw DynamoDbErrors.Validation("TimeToLive is already disabled");
            }
            if (ttl.LastUpdate is { } last && now - last < TimeToLive.UpdateInterval)
            {
                throw DynamoDbErrors.Validation("Time to live has been modified multiple times within a fixed interval");
            }
            if (specification.Enabled == true)
            {
                ttl.Enable(specification.AttributeName!, now);
            }
            else
            {
                ttl.Disable(now);
            }
        }
        SyncTimeToLive(table);
        return new UpdateTimeToLiveOutput { TimeToLiveSpecification = specification };
    }

    public DescribeTimeToLiveOutput DescribeTimeToLive(RequestScope scope, DescribeTimeToLiveInput input)
    {
        TableNames.Validate(input.TableName);
        var table = GetTableForControl(scope, input.TableName);
        lock (table.Gate)
        {
            var ttl = table.TimeToLive;
            return new DescribeTimeToLiveOutput
            {
                TimeToLiveDescription = ttl.Enabled
                    ? new TimeToLiveDescription { TimeToLiveStatus = "ENABLED", AttributeName = ttl.AttributeName }
                    : new TimeToLiveDescription { TimeToLiveStatus = "DISABLED" },
            };
        }
    }
}
