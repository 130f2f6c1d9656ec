namespace FakeAws.Engine.Lambda;

/// <summary>Tunables of the Lambda engine that AWS leaves to the account or to its own timing.</summary>
internal sealed class LambdaOptions
{
    /// <summary>The account's concurrent executions in each region: AWS's default quota is 1000.</summary>
    public int ConcurrentExecutions { get; set; } = LambdaLimits.DefaultConcurrentExecutions;

    /// <summary>
    /// How long, in virtual time, a new function or version stays <c>Pending</c>, an update stays
    /// <c>InProgress</c> and provisioned concurrency stays <c>IN_PROGRESS</c>. Zero (the default)
    /// means the create or update response says <c>Pending</c>/<c>InProgress</c> and every later read says
    /// <c>Active</c>/<c>Successful</c>.
    /// </summary>
    public TimeSpan StateTransitionDelay { get; set; } = TimeSpan.Zero;
}
