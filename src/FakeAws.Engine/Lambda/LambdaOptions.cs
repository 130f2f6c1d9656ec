using FakeAws.Engine.Lambda;

namespace FakeAws;

/// <summary>
/// Lambda's settings in a cloud, <c>options.Lambda</c>: the account's quota and the timings AWS leaves
/// to itself. The engine reads these same values.
/// </summary>
public sealed class LambdaOptions
{
    /// <summary>The account's concurrent executions in each region: AWS's default quota is 1000; reserved concurrency must leave 100 of them unreserved.</summary>
    public int ConcurrentExecutions { get; set; } = LambdaLimits.DefaultConcurrentExecutions;

    /// <summary>
    /// How long, in virtual time, a new function or version stays <c>Pending</c>, an update stays
    /// <c>InProgress</c> and provisioned concurrency stays <c>IN_PROGRESS</c>. Zero (the default)
    /// means the create or update response says <c>Pending</c>/<c>InProgress</c> and every later read says
    /// <c>Active</c>/<c>Successful</c>.
    /// </summary>
    public TimeSpan StateTransitionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether a function's resource-based policy must allow another service to invoke it, as on AWS
    /// (the default): API Gateway and Cognito triggers need an AddPermission statement for their
    /// service principal (and source ARN, when the statement names one). Step Functions and event source
    /// mappings invoke with their execution role, so no policy is needed for them either way. A layer
    /// version of another account needs its layer version policy the same way. Set false to let every
    /// service invoke every function and every account use every layer.
    /// </summary>
    public bool EnforceResourcePolicies { get; set; } = true;

    /// <summary>
    /// The AWS Organizations organization of each account (account id to organization id, such as
    /// <c>o-a1b2c3d4e5</c>), which a layer version permission given to <c>*</c> with an
    /// <c>OrganizationId</c> is checked against when a function of another account uses the layer.
    /// FakeAws does not fake Organizations: an account not listed belongs to none.
    /// </summary>
    public IDictionary<string, string> AccountOrganizations { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A copy of these settings.</summary>
    public LambdaOptions Clone()
    {
        var copy = (LambdaOptions)MemberwiseClone();
        copy.AccountOrganizations = new Dictionary<string, string>(AccountOrganizations, StringComparer.Ordinal);
        return copy;
    }
}
