using ConnectOps.Aws.RateLimiting;

namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>
/// A rate-limiter clock that never waits. With <c>autoAdvance</c> a delay moves time forward at
/// once (sequential callers); without it, delays complete only when the test calls <see cref="Advance"/>.
/// </summary>
public sealed class FakeClock(bool autoAdvance) : RateLimiterClock
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan Due, TaskCompletionSource Done)> _waiters = new();
    private TimeSpan _now;

    public override TimeSpan Now
    {
        get { lock (_gate) return _now; }
    }

    public TimeSpan TotalDelayed { get; private set; }

    public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            TotalDelayed += delay;
            if (autoAdvance)
            {
                _now += delay;
                return Task.CompletedTask;
            }
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_now + delay, tcs));
            cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
            return tcs.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_gate)
        {
            _now += by;
            due = _waiters.Where(w => w.Due <= _now).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Due <= _now);
        }
        foreach (var d in due)
            d.TrySetResult();
    }
}
