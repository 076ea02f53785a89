using System.Collections.Concurrent;

namespace ConnectOps.Aws.Runtime;

/// <summary>Calls made to one operation, as <see cref="ApiCallStatistics.Snapshot"/> reports them.</summary>
/// <param name="Calls">Operations invoked (first attempts).</param>
/// <param name="Retries">Further attempts the SDK's retry policy made.</param>
/// <param name="Throttled">Attempts answered with a throttling error (429 / ThrottlingException …).</param>
/// <param name="FailedAttempts">Attempts that ended in any error (throttled ones included).</param>
/// <param name="RateLimitWait">Time spent waiting for the client-side rate limiter.</param>
public sealed record ApiCallStat(
    string Service,
    string Operation,
    long Calls,
    long Retries,
    long Throttled,
    long FailedAttempts,
    TimeSpan RateLimitWait)
{
    /// <summary>HTTP requests sent: calls plus retries.</summary>
    public long Attempts => Calls + Retries;
}

/// <summary>
/// A thread-safe record of the API calls made per operation. Clients built by one
/// <see cref="AwsClientFactory"/> share one instance, so it answers "how many calls did this plan make".
/// </summary>
public sealed class ApiCallStatistics
{
    private readonly ConcurrentDictionary<(string Service, string Operation), Counter> _counters = new();

    /// <summary>One entry per operation called since the last <see cref="Reset"/>, ordered by service then operation.</summary>
    public IReadOnlyList<ApiCallStat> Snapshot() => _counters
        .Select(kv => kv.Value.ToStat(kv.Key.Service, kv.Key.Operation))
        .OrderBy(s => s.Service, StringComparer.Ordinal)
        .ThenBy(s => s.Operation, StringComparer.Ordinal)
        .ToList();

    /// <summary>The entry for one operation (zeroes when it was not called).</summary>
    public ApiCallStat Get(string service, string operation) =>
        _counters.TryGetValue((service, operation), out var c) ? c.ToStat(service, operation) : new ApiCallStat(service, operation, 0, 0, 0, 0, TimeSpan.Zero);

    public long TotalCalls => _counters.Values.Sum(c => Interlocked.Read(ref c.Calls));

    public long TotalAttempts => _counters.Values.Sum(c => Interlocked.Read(ref c.Calls) + Interlocked.Read(ref c.Retries));

    public void Reset() => _counters.Clear();

    internal void RecordAttempt(string service, string operation, bool retry)
    {
        var c = For(service, operation);
        if (retry)
            Interlocked.Increment(ref c.Retries);
        else
            Interlocked.Increment(ref c.Calls);
    }

    internal void RecordFailure(string service, string operation, bool throttled)
    {
        var c = For(service, operation);
        Interlocked.Increment(ref c.Failed);
        if (throttled)
            Interlocked.Increment(ref c.Throttled);
    }

    internal void RecordWait(string service, string operation, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
            Interlocked.Add(ref For(service, operation).WaitTicks, wait.Ticks);
    }

    private Counter For(string service, string operation) => _counters.GetOrAdd((service, operation), static _ => new Counter());

    private sealed class Counter
    {
        public long Calls;
        public long Retries;
        public long Throttled;
        public long Failed;
        public long WaitTicks;

        public ApiCallStat ToStat(string service, string operation) => new(
            service,
            operation,
            Interlocked.Read(ref Calls),
            Interlocked.Read(ref Retries),
            Interlocked.Read(ref Throttled),
            Interlocked.Read(ref Failed),
            TimeSpan.FromTicks(Interlocked.Read(ref WaitTicks)));
    }
}
