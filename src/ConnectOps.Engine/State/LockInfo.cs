using System.Reflection;

namespace ConnectOps.Engine.State;

/// <summary>Who holds a state lock: id (to unlock with), user@host, the operation, when, and the ConnectOps version.</summary>
public sealed record LockInfo(string Id, string Who, string Operation, DateTimeOffset Created, string Version)
{
    /// <summary>A new lock request for the current user and machine.</summary>
    public static LockInfo Create(string operation) => new(
        Guid.NewGuid().ToString(),
        $"{Environment.UserName}@{Environment.MachineName}",
        operation,
        DateTimeOffset.UtcNow,
        typeof(LockInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");
}
