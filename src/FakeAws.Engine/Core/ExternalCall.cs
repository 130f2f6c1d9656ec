namespace FakeAws.Engine.Core;

/// <summary>
/// A request from outside the cloud's scheduler (a test, an SDK client, FakeAws.Server) while FakeAws
/// handles it. Until it ends or waits on the clock (a synchronous invoke driving the clock until its
/// handler is done), it is busy work: the clock does not jump, so a request on its way to take a
/// concurrency slot takes it at the instant it was sent. See <see cref="WorkScheduler.Arrive"/>.
/// </summary>
internal sealed class ExternalCall : IDisposable
{
    private readonly WorkScheduler _scheduler;
    private int _parks;
    private bool _ended;

    internal ExternalCall(WorkScheduler scheduler) => _scheduler = scheduler;

    /// <summary>The call now waits on the clock: it no longer holds the clock still.</summary>
    public void Park() => Change(parks: +1);

    /// <summary>The call is busy again.</summary>
    public void Unpark() => Change(parks: -1);

    /// <summary>The call is answered.</summary>
    public void Dispose()
    {
        lock (this)
        {
            if (_ended)
            {
                return;
            }
            _ended = true;
            if (_parks == 0)
            {
                _scheduler.CallBusy(-1);
            }
        }
    }

    private void Change(int parks)
    {
        lock (this)
        {
            if (_ended)
            {
                return;
            }
            var wasBusy = _parks == 0;
            _parks += parks;
            var isBusy = _parks == 0;
            if (wasBusy != isBusy)
            {
                _scheduler.CallBusy(isBusy ? +1 : -1);
            }
        }
    }
}
