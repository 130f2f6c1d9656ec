using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using FakeAws.Engine.Core;

namespace FakeAws.Sdk;

/// <summary>
/// The retry policy of every SDK client, wrapped: every decision (what is retryable, the retry quota,
/// the back-off's length) stays the SDK's own, but for a client of a live cloud the wait between
/// attempts is spent on the cloud's virtual clock rather than the wall clock. A test's clock that FakeAws
/// can move is moved forward by the back-off, as a sleeping client would see time pass, so a throttled
/// table refills while the client waits and the retry runs at once; work the cloud runs in the background
/// waits on the clock instead. The client's retry limit is read from its config at each retry, so
/// <c>MaxErrorRetry</c> set after the client was made counts. In the adaptive retry mode, the client-side
/// rate limiter also reads and waits on the cloud's clock (<see cref="CloudClockTokenBucket"/>).
/// </summary>
internal sealed class CloudClockRetryPolicy : RetryPolicy
{
    // The SDK's own back-off (StandardRetryPolicy's, by the service and the error's kind), or the legacy one; read once.
    private static readonly Func<IExecutionContext, int, int>? StandardDelay = Find<Func<IExecutionContext, int, int>>(typeof(StandardRetryPolicy), [typeof(IExecutionContext), typeof(int)]);
    private static readonly Func<int, int, int>? LegacyDelay = Find<Func<int, int, int>>(typeof(DefaultRetryPolicy), [typeof(int), typeof(int)]);

    // AdaptiveRetryPolicy's rate limiter, which it keeps in a protected property; found once.
    private static readonly PropertyInfo? AdaptiveTokenBucket =
        typeof(AdaptiveRetryPolicy).GetProperty("TokenBucket", BindingFlags.NonPublic | BindingFlags.Instance) is { CanWrite: true } property
        && property.PropertyType == typeof(TokenBucket)
            ? property
            : null;

    private readonly RetryPolicy _inner;
    // The adaptive mode's rate limiter, replaced by one on the cloud's clock; null in the other modes.
    private readonly CloudClockTokenBucket? _tokenBucket;

    public CloudClockRetryPolicy(RetryPolicy inner)
    {
        _inner = inner;
        if (inner is AdaptiveRetryPolicy && AdaptiveTokenBucket is not null)
        {
            _tokenBucket = new CloudClockTokenBucket();
            AdaptiveTokenBucket.SetValue(inner, _tokenBucket);
        }
        MaxRetries = inner.MaxRetries;
        Logger = inner.Logger;
        ThrottlingErrorCodes = inner.ThrottlingErrorCodes;
        TimeoutErrorCodesToRetryOn = inner.TimeoutErrorCodesToRetryOn;
        ErrorCodesToRetryOn = inner.ErrorCodesToRetryOn;
        HttpStatusCodesToRetryOn = inner.HttpStatusCodesToRetryOn;
        WebExceptionStatusesToRetryOn = inner.WebExceptionStatusesToRetryOn;
    }

    /// <summary>Wraps the retry policy of a client pipeline's retry handler, once.</summary>
    public static void Install(RuntimePipeline pipeline)
    {
        if (pipeline.Handlers.OfType<RetryHandler>().FirstOrDefault() is { RetryPolicy: not CloudClockRetryPolicy } handler)
        {
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new CloudClockRetryPolicy(handler.RetryPolicy)));
        }
    }

    public override bool RetryLimitReached(IExecutionContext executionContext) =>
        CloudOf(executionContext) is null
            ? _inner.RetryLimitReached(executionContext)
            : executionContext.RequestContext.Retries >= executionContext.RequestContext.ClientConfig.MaxErrorRetry;

    public override void WaitBeforeRetry(IExecutionContext executionContext)
    {
        if (CloudOf(executionContext) is { } cloud)
        {
            SleepAsync(cloud.Clock, Backoff(executionContext), executionContext.RequestContext.CancellationToken).GetAwaiter().GetResult();
            return;
        }
        _inner.WaitBeforeRetry(executionContext);
    }

    public override Task WaitBeforeRetryAsync(IExecutionContext executionContext) =>
        CloudOf(executionContext) is { } cloud
            ? SleepAsync(cloud.Clock, Backoff(executionContext), executionContext.RequestContext.CancellationToken)
            : _inner.WaitBeforeRetryAsync(executionContext);

    /// <summary>
    /// Spends <paramref name="delay"/> on the cloud's clock: a clock FakeAws can set is moved forward (running
    /// what falls due), unless the caller is the cloud's own background work, which waits its turn on the clock.
    /// </summary>
    internal static Task SleepAsync(VirtualClock clock, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (clock.CanAdvance && clock.Scheduler.CurrentWork is null)
        {
            clock.Advance(delay);
            return Task.CompletedTask;
        }
        return clock.Delay(delay, cancellationToken);
    }

    /// <summary>How long the SDK would sleep before this retry.</summary>
    private TimeSpan Backoff(IExecutionContext executionContext)
    {
        var milliseconds = _inner switch
        {
            StandardRetryPolicy standard when StandardDelay is not null => StandardDelay(executionContext, standard.MaxBackoffInMilliseconds),
            DefaultRetryPolicy legacy when LegacyDelay is not null => LegacyDelay(executionContext.RequestContext.Retries, legacy.MaxBackoffInMilliseconds),
            _ => throw new InvalidOperationException(
                $"FakeAws cannot tell how long {_inner.GetType().Name} backs off in this AWSSDK.Core version, so it cannot wait on the cloud's clock."),
        };
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    private static FakeAwsCloud? CloudOf(IExecutionContext executionContext)
    {
        var requestContext = executionContext.RequestContext;
        var url = requestContext.ClientConfig.ServiceURL;
        var host = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : requestContext.Request?.Endpoint?.Host;
        return host is null ? null : LiveClouds.Find(host);
    }

    private static TDelegate? Find<TDelegate>(Type type, Type[] parameters) where TDelegate : Delegate =>
        type.GetMethod("CalculateRetryDelay", BindingFlags.NonPublic | BindingFlags.Static, parameters) is { ReturnType: var returns } method && returns == typeof(int)
            ? method.CreateDelegate<TDelegate>()
            : null;

    public override bool CanRetry(IExecutionContext executionContext) => _inner.CanRetry(executionContext);

    public override bool RetryForException(IExecutionContext executionContext, Exception exception) => _inner.RetryForException(executionContext, exception);

    public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        _inner.RetryForExceptionAsync(executionContext, exception);

    public override void NotifySuccess(IExecutionContext executionContext) => _inner.NotifySuccess(executionContext);

    public override void NotifyError(IExecutionContext executionContext, Exception exception) => _inner.NotifyError(executionContext, exception);

    public override bool OnRetry(IExecutionContext executionContext) => _inner.OnRetry(executionContext);

    public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity) => _inner.OnRetry(executionContext, bypassAcquireCapacity);

    public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity, bool isThrottlingError) =>
        _inner.OnRetry(executionContext, bypassAcquireCapacity, isThrottlingError);

    // Each request names its cloud before the adaptive mode's rate limiter reads the time for it.
    public override void ObtainSendToken(IExecutionContext executionContext, Exception exception)
    {
        UseClockOf(executionContext);
        _inner.ObtainSendToken(executionContext, exception);
    }

    public override Task ObtainSendTokenAsync(IExecutionContext executionContext, Exception exception)
    {
        UseClockOf(executionContext);
        return _inner.ObtainSendTokenAsync(executionContext, exception);
    }

    private void UseClockOf(IExecutionContext executionContext)
    {
        if (_tokenBucket is not null)
        {
            _tokenBucket.Clock = CloudOf(executionContext)?.Clock;
        }
    }

    public override bool IsThrottlingError(Exception exception) => _inner.IsThrottlingError(exception);

    public override bool IsStaleConnectionError(Exception exception) => _inner.IsStaleConnectionError(exception);

    public override bool IsTransientError(IExecutionContext executionContext, Exception exception) => _inner.IsTransientError(executionContext, exception);

    public override bool IsServiceTimeoutError(Exception exception) => _inner.IsServiceTimeoutError(exception);
}
