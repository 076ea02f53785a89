namespace ConnectOps.Emulator.State;

/// <summary>
/// Writes the state file after changes without writing it once per call: a change marks the state dirty and a
/// background loop saves it (atomically, under the state lock) at most every <see cref="Interval"/>; disposing
/// flushes what is left, so a graceful stop (Ctrl+C, SIGTERM, DisposeAsync) loses nothing.
/// </summary>
internal sealed class StatePersister : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly StateFile file;
    private readonly EmulatorState state;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int dirty;

    public StatePersister(StateFile file, EmulatorState state)
    {
        this.file = file;
        this.state = state;
        loop = Task.Run(RunAsync);
    }

    public void MarkDirty() => Interlocked.Exchange(ref dirty, 1);

    /// <summary>Saves now if anything changed since the last save.</summary>
    public void Flush()
    {
        if (Interlocked.Exchange(ref dirty, 0) == 1)
        {
            lock (state.Sync)
            {
                file.Save(state);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        Flush();
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stopping.Token))
        {
            try
            {
                Flush();
            }
            catch (IOException e)
            {
                MarkDirty();
                await Console.Error.WriteLineAsync($"emulator: could not write the state file {file.Path}: {e.Message}");
            }
        }
    }
}
