using System.Diagnostics;

namespace ConnectOps.Aws.RateLimiting;

/// <summary>Time as the rate limiter sees it; tests substitute a fake clock instead of waiting.</summary>
public abstract class RateLimiterClock
{
    public static RateLimiterClock System { get; } = new SystemClock();

    /// <summary>A monotonic reading; only differences matter.</summary>
    public abstract TimeSpan Now { get; }

    public abstract Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    private sealed class SystemClock : RateLimiterClock
    {
        public override TimeSpan Now => Stopwatch.GetElapsedTime(0);

        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
    }
}
