using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

// PublishVersion and ListVersionsByFunction, and SnapStart's snapshot at publication.
internal sealed partial class LambdaEngine
{
    public async Task<FunctionConfiguration> PublishVersion(RequestScope scope, PublishVersionRequest request, CancellationToken cancellationToken)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        LambdaFunction function;
        lock (region.Gate)
        {
            function = GetFunction(region, reference.Name);
            var latest = function.Latest;
            if (request.RevisionId is not null && request.RevisionId != CurrentRevisionId(latest))
            {
                throw LambdaErrors.RevisionMismatch();
            }
            if (request.CodeSha256 is not null && request.CodeSha256 != latest.Config.CodeSha256)
            {
                throw LambdaErrors.InvalidParameter(
                    $"CodeSHA256 ({request.CodeSha256}) is different from current CodeSHA256 in $LATEST ({latest.Config.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.");
            }
        }
        var (version, published) = await PublishAsync(
            function, request.Description, afterChange: false, request.PublishTo == FunctionArns.PublishToLatestPublished, cancellationToken).ConfigureAwait(false);
        lock (region.Gate)
        {
            // A published version is Active in PublishVersion's response, except while SnapStart takes its snapshot.
            return Describe(version, FunctionArns.Qualified(scope, function.Name, version.Version), justChanged: published && version.SnapStartOn);
        }
    }

    public ListVersionsByFunctionResponse ListVersionsByFunction(RequestScope scope, ListVersionsByFunctionRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        List<FunctionConfiguration> versions;
        lock (region.Gate)
        {
            var function = GetFunction(region, reference.Name);
            versions = new[] { function.Latest }.Concat(function.PublishedVersions)
                .Select(v => Listed(v, FunctionArns.Qualified(scope, function.Name, v.Version)))
                .ToList();
        }
        var (page, next) = Paging.Take(versions, request.Marker, request.MaxItems);
        return new ListVersionsByFunctionResponse { Versions = page, NextMarker = next };
    }

    /// <summary>
    /// Publishes $LATEST as the next version, or returns the last version when $LATEST has not changed
    /// since. A SnapStart version runs the function's init and its before-snapshot hooks once, now.
    /// Publishing gives $LATEST a new RevisionId, as AWS does.
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="description">The version's description, or null for $LATEST's.</param>
    /// <param name="afterChange">
    /// Whether the publish completes a create or code update (<c>Publish: true</c>): the version is then
    /// Pending like the change itself; a PublishVersion call publishes an Active version.
    /// </param>
    /// <param name="toLatestPublished">
    /// Whether to publish to $LATEST.PUBLISHED (<c>PublishTo: LATEST_PUBLISHED</c>), which each publish
    /// creates or replaces, rather than to the next numbered version.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the snapshot.</param>
    /// <returns>The version, and whether this call published it.</returns>
    private async Task<(FunctionVersion Version, bool Published)> PublishAsync(
        LambdaFunction function, string? description, bool afterChange, bool toLatestPublished, CancellationToken cancellationToken)
    {
        var region = Region(function.Scope);
        FunctionVersion version;
        lock (region.Gate)
        {
            var latest = function.Latest;
            if (!afterChange && Now < latest.ReadyAt)
            {
                throw LambdaErrors.UpdateInProgress(function.Arn);
            }
            if (!toLatestPublished && function.PublishedRevision == latest.Config.RevisionId && function.Versions.Count > 0)
            {
                return (function.Versions.Values.Last(), false);
            }
            var config = Clone(latest.Config);
            config.Version = toLatestPublished
                ? FunctionArns.LatestPublished
                : function.NextVersion++.ToString(System.Globalization.CultureInfo.InvariantCulture);
            config.Description = description ?? config.Description;
            config.RevisionId = NewRevisionId();
            config.LastModified = Timestamp();
            if (config.SnapStart is { ApplyOn: "PublishedVersions" } snapStart)
            {
                snapStart.OptimizationStatus = "On";
            }
            version = new FunctionVersion
            {
                Version = config.Version,
                Config = config,
                RevisionId = config.RevisionId,
                Code = latest.Code,
                Package = latest.Package,
                Layers = latest.Layers,
                ResolvedFromHandler = latest.ResolvedFromHandler,
                ReadyAt = afterChange || config.SnapStart?.ApplyOn == "PublishedVersions" ? ReadyAt() : Now,
            };
            if (toLatestPublished)
            {
                // Republishing replaces the version in place; its scaling setting stays with the qualifier.
                version.ScalingConfig = function.LatestPublished?.ScalingConfig;
                function.LatestPublished = version;
            }
            else
            {
                function.Versions[int.Parse(version.Version, System.Globalization.CultureInfo.InvariantCulture)] = version;
                function.PublishedRevision = latest.Config.RevisionId;
            }
            latest.RevisionId = NewRevisionId();
        }
        if (version.SnapStartOn)
        {
            await TakeSnapshotAsync(function, version, cancellationToken).ConfigureAwait(false);
        }
        return (version, true);
    }

    /// <summary>SnapStart: initialize one environment, run its before-snapshot hooks, and keep it for restores.</summary>
    private Task TakeSnapshotAsync(LambdaFunction function, FunctionVersion version, CancellationToken cancellationToken) =>
        _cloud.Clock.RunInVirtualTimeAsync(async () =>
        {
            var init = new Code.LambdaInit();
            try
            {
                var handler = await version.Code.InitializeAsync(init).ConfigureAwait(false);
                await init.Hooks.RunBeforeSnapshotAsync().ConfigureAwait(false);
                version.Environments.Snapshot = new SnapshotImage(handler, init.Hooks);
            }
            catch (Exception e)
            {
                lock (Region(function.Scope).Gate)
                {
                    version.FailedReason = $"{e.GetType().Name}: {e.Message}";
                }
            }
            return true;
        }, $"lambda snapshot {function.Name}:{version.Version}", cancellationToken);
}
