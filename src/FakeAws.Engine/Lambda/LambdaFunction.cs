using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

/// <summary>A function: its $LATEST version, published versions, aliases and function-wide settings.</summary>
internal sealed class LambdaFunction(RequestScope scope, string name, FunctionVersion latest)
{
    public RequestScope Scope { get; } = scope;

    public string Name { get; } = name;

    public string Arn { get; } = FunctionArns.Function(scope, name);

    /// <summary>The unpublished version; replaced as a whole by every update.</summary>
    public FunctionVersion Latest { get; set; } = latest;

    public SortedDictionary<int, FunctionVersion> Versions { get; } = [];

    public int NextVersion { get; set; } = 1;

    /// <summary>The $LATEST.PUBLISHED version (Lambda Managed Instances), once published to.</summary>
    public FunctionVersion? LatestPublished { get; set; }

    /// <summary>The published versions: the numbered ones, then $LATEST.PUBLISHED when there is one.</summary>
    public IEnumerable<FunctionVersion> PublishedVersions => LatestPublished is { } latestPublished ? Versions.Values.Append(latestPublished) : Versions.Values;

    /// <summary>The configuration revision of $LATEST when it was last published, so an unchanged $LATEST is not published twice.</summary>
    public string? PublishedRevision { get; set; }

    public SortedDictionary<string, FunctionAlias> Aliases { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public int? ReservedConcurrency { get; set; }

    /// <summary>Provisioned concurrency by qualifier (version or alias).</summary>
    public SortedDictionary<string, ProvisionedConcurrency> Provisioned { get; } = new(StringComparer.Ordinal);

    /// <summary>Invocations in flight, in virtual time, served by each qualifier's provisioned concurrency.</summary>
    public Dictionary<string, int> ProvisionedInFlight { get; } = new(StringComparer.Ordinal);

    /// <summary>Asynchronous invocation settings by qualifier ($LATEST, version or alias).</summary>
    public SortedDictionary<string, EventInvokeSettings> EventInvokeConfigs { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource-based policies by qualifier: $LATEST for the unqualified function, a version or an alias.</summary>
    public SortedDictionary<string, Policies.ResourcePolicy> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>Function URLs by qualifier: $LATEST or an alias.</summary>
    public SortedDictionary<string, Urls.FunctionUrl> Urls { get; } = new(StringComparer.Ordinal);

    /// <summary>Invocations in flight, in virtual time.</summary>
    public int InFlight { get; set; }

    /// <summary>What Lambda does about a recursive loop through this function: <c>Terminate</c> (the default) or <c>Allow</c>.</summary>
    public string RecursiveLoop { get; set; } = "Terminate";

    /// <summary>Runtime update modes by version ($LATEST or a number); a version without one updates Auto.</summary>
    public Dictionary<string, RuntimeManagement> RuntimeManagement { get; } = new(StringComparer.Ordinal);

    /// <summary>The code signing configuration new deployments of the function are checked against, or null.</summary>
    public string? CodeSigningConfigArn { get; set; }

    /// <summary>The published version <paramref name="qualifier"/> names, $LATEST or $LATEST.PUBLISHED.</summary>
    public FunctionVersion? FindVersion(string qualifier) =>
        qualifier == FunctionArns.Latest ? Latest
        : qualifier == FunctionArns.LatestPublished ? LatestPublished
        : int.TryParse(qualifier, out var number) && Versions.TryGetValue(number, out var version) ? version
        : null;
}

/// <summary>
/// One version of a function: its configuration as stored (never handed out, never changed once
/// the version exists; an update makes a new $LATEST) and its code.
/// </summary>
/// <remarks>
/// AWS gives a version a new RevisionId more often than its configuration changes: the response of a
/// create or update carries one, and the version has another once it is Active or the update
/// Successful; publishing and tagging give $LATEST a new one too. <c>Config.RevisionId</c> is the
/// revision of the configuration itself (what the create or update response shows, and what
/// publishing compares); <see cref="RevisionId"/> is the one reads show once the version has settled.
/// </remarks>
internal sealed class FunctionVersion
{
    public required string Version { get; init; }

    public required FunctionConfiguration Config { get; init; }

    /// <summary>The RevisionId reads show once the version has settled; changes when $LATEST is published or tagged.</summary>
    public required string RevisionId { get; set; }

    public required Code.ILambdaCode Code { get; init; }

    /// <summary>The version's deployment package: its .zip (for runtimes that run its files) and unzipped size.</summary>
    public CodePackage Package { get; init; }

    /// <summary>The layer versions the configuration names, in its order; kept even if a layer version is deleted later.</summary>
    public IReadOnlyList<Layers.LayerVersion> Layers { get; init; } = [];

    /// <summary>Whether the code was found from the Handler string (so a new Handler finds new code) rather than bound in process.</summary>
    public bool ResolvedFromHandler { get; init; }

    /// <summary>When the version becomes Active (or its update Successful), in virtual time.</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>Why the version failed (its SnapStart init threw), or null.</summary>
    public string? FailedReason { get; set; }

    /// <summary>Whether the version came from an update of an active $LATEST (InProgress) rather than a create or publish (Pending).</summary>
    public bool IsUpdate { get; init; }

    /// <summary>The minimum and maximum execution environments set by PutFunctionScalingConfig (Lambda Managed Instances), or null.</summary>
    public FunctionScalingConfig? ScalingConfig { get; set; }

    /// <summary>The version's warm on-demand execution environments.</summary>
    public EnvironmentPool Environments { get; } = new();

    /// <summary>The version's provisioned-concurrency environments: initialized ahead, never a cold start.</summary>
    public EnvironmentPool ProvisionedEnvironments { get; } = new();

    /// <summary>Whether SnapStart applies: a published version of a function with <c>ApplyOn: PublishedVersions</c>.</summary>
    public bool SnapStartOn => Version != FunctionArns.Latest && Config.SnapStart?.ApplyOn == "PublishedVersions";
}

/// <summary>An alias: a name for a version, optionally sending a share of invocations to a second version.</summary>
internal sealed class FunctionAlias
{
    public required string Name { get; init; }

    public required string FunctionVersion { get; init; }

    public required string Description { get; init; }

    /// <summary>The additional version and its weight, when the alias routes.</summary>
    public (string Version, double Weight)? Routing { get; init; }

    /// <summary>The alias's revision; changes when its policy does.</summary>
    public required string RevisionId { get; set; }

    /// <summary>Where this alias's routing sequence starts, drawn from the cloud's seeded ids.</summary>
    public required double RoutingPhase { get; init; }

    /// <summary>How many invocations the alias has routed.</summary>
    public long Routed;
}

/// <summary>Provisioned concurrency requested for a version or alias.</summary>
internal sealed record ProvisionedConcurrency(int Requested, string LastModified, DateTimeOffset ReadyAt);

/// <summary>A function's settings for asynchronous invocation of one qualifier.</summary>
internal sealed record EventInvokeSettings(int? MaximumRetryAttempts, int? MaximumEventAgeInSeconds, string? OnSuccess, string? OnFailure, DateTimeOffset LastModified);

/// <summary>A version's runtime update mode and, in Manual mode, the runtime version it stays on.</summary>
internal sealed record RuntimeManagement(string UpdateRuntimeOn, string? RuntimeVersionArn)
{
    /// <summary>What a version has until PutRuntimeManagementConfig sets it.</summary>
    public static readonly RuntimeManagement Default = new("Auto", null);
}
