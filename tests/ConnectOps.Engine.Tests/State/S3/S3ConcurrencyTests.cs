using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ConnectOps.Engine.State;
using Xunit.Abstractions;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>
/// Two real processes write the same S3 state at the same moment, 50 times per mode: with the lock (one
/// fails at once on it, or waits and then writes), and with no lock at all (the ETag condition alone). The
/// test releases both writers together for each repetition and waits for both before the next, so the
/// repetitions stay paired however loaded the machine is. After every run the state must hold exactly the
/// writes that reported success: never a lost update.
/// </summary>
[Collection(nameof(S3ConcurrencyCollection))]
public sealed class S3ConcurrencyTests(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>, IDisposable
{
    private const int Repetitions = 50;
    private readonly MotoAdmin _admin = new(moto);

    public void Dispose() => _admin.Dispose();

    private sealed record WriterOutcome(int Rep, string Writer, string Outcome, string? Detail);

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

        var watch = Stopwatch.StartNew();
        using var a = await Writer.StartAsync(RaceDll(), "a", mode, moto.Endpoint, settings);
        using var b = await Writer.StartAsync(RaceDll(), "b", mode, moto.Endpoint, settings);
        var outcomes = new List<WriterOutcome>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Both writers get "go" at the same moment; the next repetition starts when both have answered,
            // so every repetition is the same two writes racing, whatever the load on the machine.
            var both = await Task.WhenAll(a.GoAsync(rep), b.GoAsync(rep));
            outcomes.AddRange(both);
        }

        var final = (await store.ReadAsync())!.Document;
        var wrote = outcomes.Where(o => o.Outcome == "wrote").ToList();
        var summary = outcomes.GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var perRep = outcomes.GroupBy(o => o.Rep).Select(g => string.Join("+", g.OrderBy(o => o.Writer).Select(o => o.Outcome))).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"mode {mode}{(lockTable ? " (DynamoDB lock)" : "")}: {repetitions} repetitions x 2 processes; outcomes {JsonSerializer.Serialize(summary)}; " +
            $"per repetition (a+b) {JsonSerializer.Serialize(perRep)}; final serial {final.Serial}, {final.Resources.Count} entries; {watch.Elapsed.TotalSeconds:F0} s");

        Assert.Equal(2 * repetitions, outcomes.Count);
        Assert.DoesNotContain(outcomes, o => o.Outcome == "error");
        // Never a lost update: every write that reported success is in the final state, nothing else is,
        // and each success incremented the serial exactly once.
        Assert.Equal(wrote.Select(o => $"Queues/r{o.Rep:D3}-{o.Writer}").Order(StringComparer.Ordinal), final.Resources.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(initial.Document.Serial + wrote.Count, final.Serial);
        foreach (var rep in outcomes.GroupBy(o => o.Rep))
        {
            var results = rep.Select(o => o.Outcome).Order(StringComparer.Ordinal).ToList();
            var allowed = mode switch { "wait" => new[] { "wrote" }, "lock" => ["wrote", "locked"], _ => ["wrote", "conflict"] };
            // One proceeds; the other fails on the lock / on the ETag (or, when it started after the first
            // had finished, proceeds too). Never both refused: nothing else holds the lock or writes.
            Assert.Contains("wrote", results);
            Assert.All(results, r => Assert.Contains(r, allowed));
        }
        Assert.Null(await store.GetLockAsync());
        if (mode is "lock" or "etag")
        {
            // The race was real: a good share of the repetitions had a loser.
            Assert.True(outcomes.Count(o => o.Outcome != "wrote") >= repetitions / 5, $"too few contended repetitions: {JsonSerializer.Serialize(perRep)}");
        }
    }

    /// <summary>One racing process: told "go &lt;rep&gt;" on stdin, answers one JSON line on stdout.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _errors = new();

        private Writer(Process process)
        {
            _process = process;
            _process.ErrorDataReceived += (_, e) => { lock (_errors) _errors.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
        }

        public static async Task<Writer> StartAsync(string dll, string name, string mode, string endpoint, ConnectOps.Engine.State.S3.S3BackendSettings settings)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { dll, "--endpoint", endpoint, "--bucket", settings.Bucket, "--key", settings.Key, "--writer", name, "--mode", mode,
                         "--hold", mode == "wait" ? "50" : "200" })
                start.ArgumentList.Add(arg);
            if (settings.LockTable is { } table) { start.ArgumentList.Add("--lock-table"); start.ArgumentList.Add(table); }
            start.Environment["AWS_ACCESS_KEY_ID"] = MotoServer.Credentials.GetCredentials().AccessKey;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoServer.Credentials.GetCredentials().SecretKey;
            start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            var writer = new Writer(Process.Start(start)!);
            var ready = await writer.ReadLineAsync();
            Assert.True(ready == "ready", $"writer {name} did not start: {ready} {writer.Errors}");
            return writer;
        }

        private string Errors { get { lock (_errors) return _errors.ToString(); } }

        public async Task<WriterOutcome> GoAsync(int rep)
        {
            await _process.StandardInput.WriteLineAsync($"go {rep}");
            await _process.StandardInput.FlushAsync();
            var line = await ReadLineAsync();
            Assert.True(line is not null, $"a writer exited: {Errors}");
            return JsonSerializer.Deserialize<WriterOutcome>(line!, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }

        private async Task<string?> ReadLineAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
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
