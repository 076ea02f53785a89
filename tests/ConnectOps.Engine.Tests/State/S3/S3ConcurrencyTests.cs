using System.Diagnostics;
using System.Text.Json;
using ConnectOps.Engine.State;
using Xunit.Abstractions;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>
/// Two real processes write the same S3 state at the same instants, 50 times per mode: with the lock (one
/// fails at once on it, or waits and then writes), and with no lock at all (the ETag condition alone). After
/// every run the state must hold exactly the writes that reported success: never a lost update.
/// </summary>
[Collection(nameof(S3ConcurrencyCollection))]
public sealed class S3ConcurrencyTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>, IDisposable
{
    private const int Repetitions = 50;
    private readonly MotoAdmin _admin = new(moto);

    public void Dispose() => _admin.Dispose();

    private sealed record WriterOutcome(int Rep, string Writer, string Outcome, string? Detail, int Late);

    [MotoFact]
    public Task TwoProcessesWithTheLockFailFast_OneProceedsTheOtherFailsOnTheLock() => RaceAsync("lock", lockTable: false);

    [MotoFact]
    public Task TwoProcessesWithTheLockWait_BothWritesLand() => RaceAsync("wait", lockTable: false);

    [MotoFact]
    public Task TwoProcessesWithTheDynamoDbLockFailFast_OneProceedsTheOtherFailsOnTheLock() => RaceAsync("lock", lockTable: true, repetitions: 25);

    [MotoFact]
    public Task TwoProcessesWithoutTheLock_TheETagConditionRefusesTheLoserAndNothingIsLost() => RaceAsync("etag", lockTable: false);

    private async Task RaceAsync(string mode, bool lockTable, int repetitions = Repetitions)
    {
        var bucket = await _admin.CreateBucketAsync();
        var table = lockTable ? await _admin.CreateLockTableAsync() : null;
        var settings = moto.Settings(bucket, "race/state.json", table);
        using var store = new S3StateStore(settings);
        var initial = await store.WriteAsync(StateDocument.New(), null);

        // Each repetition has its own time slot, long enough for both writes (the waiter's too) under load.
        var slot = mode == "wait" ? 900 : 700;
        var start = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds(); // both processes are up by then
        var watch = Stopwatch.StartNew();
        var runs = new[] { "a", "b" }.Select(w => RunWriterAsync(w, mode, settings, start, slot, repetitions)).ToList();
        var outcomes = (await Task.WhenAll(runs)).SelectMany(o => o).ToList();

        var final = (await store.ReadAsync())!.Document;
        var wrote = outcomes.Where(o => o.Outcome == "wrote").ToList();
        var summary = outcomes.GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var perRep = outcomes.GroupBy(o => o.Rep).Select(g => string.Join("+", g.OrderBy(o => o.Writer).Select(o => o.Outcome))).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"mode {mode}{(lockTable ? " (DynamoDB lock)" : "")}: {repetitions} repetitions x 2 processes; outcomes {JsonSerializer.Serialize(summary)}; per repetition {JsonSerializer.Serialize(perRep)}; final serial {final.Serial}, {final.Resources.Count} entries; " +
            $"{watch.Elapsed.TotalSeconds:F0} s; repetitions started late (a process out of step): {outcomes.Max(o => o.Late)}");

        Assert.Equal(2 * repetitions, outcomes.Count);
        Assert.DoesNotContain(outcomes, o => o.Outcome == "error");
        // Never a lost update: every write that reported success is in the final state, nothing else is,
        // and each success incremented the serial exactly once.
        Assert.Equal(wrote.Select(o => $"Queues/r{o.Rep:D3}-{o.Writer}").Order(StringComparer.Ordinal), final.Resources.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(initial.Document.Serial + wrote.Count, final.Serial);
        foreach (var rep in outcomes.GroupBy(o => o.Rep))
        {
            var results = rep.Select(o => o.Outcome).Order(StringComparer.Ordinal).ToList();
            switch (mode)
            {
                case "wait":
                    Assert.Equal(["wrote", "wrote"], results);
                    break;
                case "lock":
                    // One proceeds; the other fails on the lock (or, when the first had already finished, also proceeds).
                    Assert.Contains("wrote", results);
                    Assert.All(results, r => Assert.Contains(r, new[] { "wrote", "locked" }));
                    break;
                case "etag":
                    Assert.Contains("wrote", results);
                    Assert.All(results, r => Assert.Contains(r, new[] { "wrote", "conflict" }));
                    break;
            }
        }
        Assert.Null(await store.GetLockAsync());
        if (mode is "lock" or "etag")
        {
            // The race was real: most repetitions had a loser.
            Assert.True(outcomes.Count(o => o.Outcome != "wrote") >= repetitions / 2, $"too few contended repetitions: {JsonSerializer.Serialize(perRep)}");
        }
    }

    private async Task<List<WriterOutcome>> RunWriterAsync(string writer, string mode, ConnectOps.Engine.State.S3.S3BackendSettings settings, long start, int slot, int repetitions)
    {
        var dll = RaceDll();
        var start_ = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--endpoint", moto.Endpoint, "--bucket", settings.Bucket, "--key", settings.Key, "--writer", writer, "--mode", mode,
                     "--reps", repetitions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--start", start.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--slot", slot.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--hold", (mode == "wait" ? 50 : 120).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start_.ArgumentList.Add(a);
        if (settings.LockTable is { } table) { start_.ArgumentList.Add("--lock-table"); start_.ArgumentList.Add(table); }
        start_.Environment["AWS_ACCESS_KEY_ID"] = MotoServer.Credentials.GetCredentials().AccessKey;
        start_.Environment["AWS_SECRET_ACCESS_KEY"] = MotoServer.Credentials.GetCredentials().SecretKey;
        start_.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start_.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start_.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start_)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, $"writer {writer} exited {process.ExitCode}: {await stderr}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<WriterOutcome>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!).ToList();
    }

    private static string RaceDll()
    {
        // tests/ConnectOps.Engine.Tests/bin/<Configuration>/net10.0/ → tests/ConnectOps.StateRace/bin/<Configuration>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "ConnectOps.StateRace", "bin", configuration, here.Name, "ConnectOps.StateRace.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/ConnectOps.Engine.Tests (it builds the race helper).");
        return dll;
    }
}

/// <summary>The race tests run alone: other tests' load on moto would put the two processes out of step.</summary>
[CollectionDefinition(nameof(S3ConcurrencyCollection), DisableParallelization = true)]
public sealed class S3ConcurrencyCollection;
