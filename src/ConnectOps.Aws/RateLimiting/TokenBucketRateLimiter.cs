namespace ConnectOps.Aws.RateLimiting;

/// <summary>
/// One token bucket per <see cref="RateLimitKey"/>. <see cref="AcquireAsync"/> takes a token, waiting
/// (asynchronously, cancellably) until one is due. Waiters are served in arrival order: a caller
/// that finds the bucket empty reserves the next token and sleeps until it accrues, so no more than
/// <c>burst + rate × t</c> calls start in any window of length t. With a <see cref="RateLimitSettings.Headroom"/>,
/// the bucket keeps <c>rate × headroom</c> tokens in reserve: every call after the burst starts that much later than
/// the bare quota allows, so calls that arrive closer together than they were sent still find a token at the service.
/// </summary>
public sealed class TokenBucketRateLimiter
{
    private readonly Dictionary<RateLimitKey, Bucket> _buckets = new();
    private readonly object _gate = new();

    public TokenBucketRateLimiter(RateLimitSettings settings, RateLimiterClock? clock = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Clock = clock ?? RateLimiterClock.System;
        foreach (var (name, limit) in settings.Overrides)
            limit.Validate(name);
    }

    public RateLimitSettings Settings { get; }

    public RateLimiterClock Clock { get; }

    /// <summary>Takes one token for the key, waiting until it is due. Returns how long it waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(RateLimitKey key, CancellationToken cancellationToken = default)
    {
        var limit = Settings.Resolve(key.Service, key.Operation);
        if (limit is null)
            return TimeSpan.Zero;
        TimeSpan wait;
        Bucket bucket;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out bucket!))
                _buckets[key] = bucket = new Bucket(limit.Value, Clock.Now);
            wait = bucket.Take(Clock.Now, limit.Value.RatePerSecond * Settings.Headroom.TotalSeconds);
        }
        if (wait <= TimeSpan.Zero)
            return TimeSpan.Zero;
        try
        {
            await Clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
                bucket.GiveBack();
            throw;
        }
        return wait;
    }

    /// <summary>
    /// The service throttled a call of this key: its bucket is empty, whatever ours says (calls that left here spaced
    /// out can arrive bunched, e.g. when a busy machine delays sending them). Ours is emptied too, so the calls after
    /// it are spaced from now.
    /// </summary>
    public void Throttled(RateLimitKey key)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(key, out var bucket))
                bucket.Drain(Clock.Now);
        }
    }

    /// <summary>Tokens currently available for a key (negative while callers are waiting); for diagnostics and tests.</summary>
    public double Available(RateLimitKey key)
    {
        lock (_gate)
            return _buckets.TryGetValue(key, out var b) ? b.Peek(Clock.Now) : Settings.Resolve(key.Service, key.Operation)?.Burst ?? double.PositiveInfinity;
    }

    private sealed class Bucket(RateLimit limit, TimeSpan now)
    {
        private double _tokens = limit.Burst;
        private TimeSpan _last = now;

        private void Refill(TimeSpan now)
        {
            if (now > _last)
            {
                _tokens = Math.Min(limit.Burst, _tokens + (now - _last).TotalSeconds * limit.RatePerSecond);
                _last = now;
            }
        }

        /// <summary>
        /// Takes a token (possibly going below <paramref name="reserve"/> = a reservation) and returns the wait until
        /// the bucket is back at the reserve.
        /// </summary>
        public TimeSpan Take(TimeSpan now, double reserve)
        {
            Refill(now);
            _tokens -= 1;
            return _tokens >= reserve ? TimeSpan.Zero : TimeSpan.FromSeconds((reserve - _tokens) / limit.RatePerSecond);
        }

        public void GiveBack() => _tokens = Math.Min(limit.Burst, _tokens + 1);

        public void Drain(TimeSpan now)
        {
            Refill(now);
            _tokens = Math.Min(_tokens, 0);
        }

        public double Peek(TimeSpan now)
        {
            Refill(now);
            return _tokens;
        }
    }
}
