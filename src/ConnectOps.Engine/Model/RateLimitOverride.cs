namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>RateLimits = @{ CreateUser = @{ RequestsPerSecond = 5; Burst = 10 } }</c>: overrides one
/// operation's token bucket (the key is the API operation name, e.g. SearchUsers; <c>Default</c> overrides
/// every operation without its own entry).
/// </summary>
public sealed record RateLimitOverride(string Operation, double RequestsPerSecond, int? Burst)
{
    public const string DefaultOperation = "Default";
}
