using ConnectOps.Emulator.Models;

namespace ConnectOps.Emulator.Hosting;

internal enum FaultKind
{
    None,
    InternalError,
    Timeout,
    Drop,
}

/// <summary>Decides, per call, whether to inject a 500, a timeout, or a dropped response; seeded for replayable runs.</summary>
internal sealed class FaultInjector(int? seed)
{
    private readonly object gate = new();
    private readonly Random random = seed is { } s ? new Random(s) : new Random();

    public FaultKind Pick(RuntimeConfig.Settings settings, Operation operation)
    {
        if (settings.Fault500Rate <= 0 && settings.FaultTimeoutRate <= 0 && settings.FaultDropRate <= 0)
        {
            return FaultKind.None;
        }

        if (settings.FaultOperations is { } only
            && !only.Contains(operation.Name, StringComparer.Ordinal)
            && !only.Contains($"{operation.Service.Name}.{operation.Name}", StringComparer.Ordinal))
        {
            return FaultKind.None;
        }

        double roll;
        lock (gate)
        {
            roll = random.NextDouble();
        }

        if (roll < settings.Fault500Rate)
        {
            return FaultKind.InternalError;
        }

        roll -= settings.Fault500Rate;
        if (roll < settings.FaultTimeoutRate)
        {
            return FaultKind.Timeout;
        }

        roll -= settings.FaultTimeoutRate;
        return roll < settings.FaultDropRate ? FaultKind.Drop : FaultKind.None;
    }
}
