using ConnectOps.Engine.Emulation;

namespace ConnectOps.Hosting;

/// <summary>A running emulator: pass <see cref="Endpoint"/> to -EndpointUrl.</summary>
public sealed class ConnectEmulator
{
    private readonly EmulatorProcess _process;

    internal ConnectEmulator(EmulatorProcess process)
    {
        _process = process;
        Endpoint = process.Endpoint.ToString().TrimEnd('/');
        ProcessId = process.ProcessId;
        StartedAt = DateTimeOffset.Now;
    }

    public string Endpoint { get; }
    public int ProcessId { get; }
    public DateTimeOffset StartedAt { get; }
    private volatile bool _stopped;

    public bool Running => !_stopped && !_process.HasExited;

    internal void Stop()
    {
        _stopped = true;
        _process.Dispose();
    }

    public override string ToString() => Endpoint;
}

/// <summary>The emulators this session started, so Stop-ConnectEmulator without arguments and module removal stop them.</summary>
internal static class EmulatorRegistry
{
    private static readonly List<ConnectEmulator> s_running = new();

    public static void Add(ConnectEmulator e) { lock (s_running) s_running.Add(e); }
    public static void Remove(ConnectEmulator e) { lock (s_running) s_running.Remove(e); }
    public static ConnectEmulator[] All() { lock (s_running) return s_running.ToArray(); }

    public static void StopAll()
    {
        foreach (var e in All()) { e.Stop(); Remove(e); }
    }
}
