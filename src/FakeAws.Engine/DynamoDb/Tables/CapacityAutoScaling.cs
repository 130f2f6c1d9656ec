using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The capacity auto scaling a provisioned table is taken to have. Application Auto Scaling is not part
/// of FakeAws: with <see cref="DynamoDbOptions.AssumeWriteAutoScaling"/> every provisioned table and
/// global index counts as registered for it, as AWS requires before a provisioned table may have
/// replicas. The settings are kept and described (DescribeTableReplicaAutoScaling) and changed
/// (UpdateTableReplicaAutoScaling); capacity itself is not scaled.
/// </summary>
/// <remarks>Write settings are the group's (every replica has the same); read settings are each replica's own. Used under the table's lock.</remarks>
internal sealed class CapacityAutoScaling
{
    /// <summary>The highest capacity a default policy scales to: DynamoDB's default per-table quota.</summary>
    private const long DefaultMaximumUnits = 40_000;

    /// <summary>The target utilisation of a default policy, in percent: the console's default.</summary>
    private const double DefaultTargetValue = 70;

    public required AutoScalingSettingsDescription Write { get; set; }
    public required AutoScalingSettingsDescription Read { get; set; }
    public Dictionary<string, AutoScalingSettingsDescription> IndexWrite { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, AutoScalingSettingsDescription> IndexRead { get; } = new(StringComparer.Ordinal);

    /// <summary>The settings a provisioned <paramref name="table"/> starts with: its capacity as the minimum, a target-tracking policy at 70 %.</summary>
    public static CapacityAutoScaling For(Table table)
    {
        var scaling = new CapacityAutoScaling
        {
            Write = Default(table, "Write", table.WriteCapacityUnits, null),
            Read = Default(table, "Read", table.ReadCapacityUnits, null),
        };
        foreach (var index in table.Indexes.Where(i => i.IsGlobal))
        {
            scaling.IndexWrite[index.Name] = Default(table, "Write", index.WriteCapacityUnits, index.Name);
            scaling.IndexRead[index.Name] = Default(table, "Read", index.ReadCapacityUnits, index.Name);
        }
        return scaling;
    }

    /// <summary>A replica's settings: the group's write settings, and read settings of its own starting from the source's.</summary>
    public CapacityAutoScaling CopyForReplica()
    {
        var copy = new CapacityAutoScaling { Write = Write, Read = Read };
        foreach (var (name, settings) in IndexWrite)
        {
            copy.IndexWrite[name] = settings;
        }
        foreach (var (name, settings) in IndexRead)
        {
            copy.IndexRead[name] = settings;
        }
        return copy;
    }

    /// <summary><paramref name="current"/> with <paramref name="update"/>'s members applied; disabling keeps the limits and drops the policies.</summary>
    public static AutoScalingSettingsDescription Apply(AutoScalingSettingsDescription current, AutoScalingSettingsUpdate update)
    {
        if (update.AutoScalingDisabled == true)
        {
            return new AutoScalingSettingsDescription
            {
                MinimumUnits = current.MinimumUnits,
                MaximumUnits = current.MaximumUnits,
                AutoScalingDisabled = true,
                AutoScalingRoleArn = current.AutoScalingRoleArn,
                ScalingPolicies = [],
            };
        }
        var policy = current.ScalingPolicies?.FirstOrDefault();
        var target = update.ScalingPolicyUpdate?.TargetTrackingScalingPolicyConfiguration;
        return new AutoScalingSettingsDescription
        {
            MinimumUnits = update.MinimumUnits ?? current.MinimumUnits,
            MaximumUnits = update.MaximumUnits ?? current.MaximumUnits,
            AutoScalingDisabled = false,
            AutoScalingRoleArn = update.AutoScalingRoleArn ?? current.AutoScalingRoleArn,
            ScalingPolicies =
            [
                new AutoScalingPolicyDescription
                {
                    PolicyName = update.ScalingPolicyUpdate?.PolicyName ?? policy?.PolicyName,
                    TargetTrackingScalingPolicyConfiguration = new AutoScalingTargetTrackingScalingPolicyConfigurationDescription
                    {
                        TargetValue = target?.TargetValue ?? policy?.TargetTrackingScalingPolicyConfiguration?.TargetValue ?? DefaultTargetValue,
                        DisableScaleIn = target?.DisableScaleIn ?? policy?.TargetTrackingScalingPolicyConfiguration?.DisableScaleIn,
                        ScaleInCooldown = target?.ScaleInCooldown ?? policy?.TargetTrackingScalingPolicyConfiguration?.ScaleInCooldown,
                        ScaleOutCooldown = target?.ScaleOutCooldown ?? policy?.TargetTrackingScalingPolicyConfiguration?.ScaleOutCooldown,
                    },
                },
            ],
        };
    }

    // Application Auto Scaling's names: its service-linked role, and DynamoDB's policy naming.
    private static AutoScalingSettingsDescription Default(Table table, string dimension, long capacity, string? index) => new()
    {
        MinimumUnits = Math.Max(1, capacity),
        MaximumUnits = Math.Max(DefaultMaximumUnits, capacity),
        AutoScalingDisabled = false,
        AutoScalingRoleArn =
            $"arn:aws:iam::{table.AccountId}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable",
        ScalingPolicies =
        [
            new AutoScalingPolicyDescription
            {
                PolicyName = $"DynamoDB{dimension}CapacityUtilization:table/{table.Name}" + (index is null ? "" : $"/index/{index}"),
                TargetTrackingScalingPolicyConfiguration = new AutoScalingTargetTrackingScalingPolicyConfigurationDescription { TargetValue = DefaultTargetValue },
            },
        ],
    };
}
