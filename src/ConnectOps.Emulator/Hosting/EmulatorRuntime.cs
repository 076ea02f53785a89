using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Hosting;

/// <summary>Everything one running emulator shares between requests.</summary>
internal sealed class EmulatorRuntime : IAsyncDisposable
{
    public EmulatorRuntime(EmulatorOptions options)
    {
        Options = options;
        Config = new RuntimeConfig(options);
        RateLimiter = new RateLimiter(Config);
        Faults = new FaultInjector(options.Seed);
        StateFile = options.StateFile is null ? null : new StateFile(options.StateFile);
        State = StateFile?.LoadOrCreate() ?? new EmulatorState();
        Persister = StateFile is null ? null : new StatePersister(StateFile, State);
        Handlers = Services.Registration.CreateRegistry();
    }

    public EmulatorOptions Options { get; }

    public RuntimeConfig Config { get; }

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; }

    public CallStats Stats { get; } = new();

    public StateFile? StateFile { get; }

    public EmulatorState State { get; }

    /// <summary>Writes the state file in the background after changes; null without --state-file.</summary>
    public StatePersister? Persister { get; }

    public HandlerRegistry Handlers { get; }

    /// <summary>Wipes the emulated account (admin <c>POST /_connectops/reset</c>).</summary>
    public void ResetState()
    {
        lock (State.Sync)
        {
            State.Regions.Clear();
            State.IamRoles.Clear();
            State.Idempotency.Clear();
        }

        Persister?.MarkDirty();
        RateLimiter.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        if (Persister is not null)
        {
            await Persister.DisposeAsync();
        }
    }
}
