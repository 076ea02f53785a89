using System.Globalization;
using System.Text.Json;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.S3;

// Usage: ConnectOps.StateRace --endpoint URL --bucket B --key K --writer NAME --reps N --start UNIXMS --slot MS
//        --mode lock|wait|etag [--lock-table T] [--hold MS]
// For rep i it waits until start + i*slot, then (lock/wait) takes the lock, reads, adds Queues/r<i>-<writer>,
// writes and releases; (etag) reads and writes with no lock. One JSON line per rep: {"rep":i,"outcome":...}.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Opt(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var writer = Opt("writer");
var mode = Opt("mode");
var reps = Int("reps", 50);
var slot = Int("slot", 400);
var hold = Int("hold", 30);
var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Opt("start"), CultureInfo.InvariantCulture));
using var store = new S3StateStore(new S3BackendSettings
{
    Bucket = Opt("bucket"),
    Key = Opt("key"),
    Region = "eu-west-2",
    S3Endpoint = Opt("endpoint"),
    DynamoDbEndpoint = Opt("endpoint"),
    LockTable = options.GetValueOrDefault("lock-table"),
    LockPollInterval = TimeSpan.FromMilliseconds(25),
});

// Warm up (JIT, connections, credentials) before the first agreed instant, so the two processes stay in step.
await store.ReadAsync();
await store.GetLockAsync();

var late = 0;
for (var rep = 0; rep < reps; rep++)
{
    var at = start + TimeSpan.FromMilliseconds((double)rep * slot);
    var wait = at - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    else late++;
    string outcome;
    string? detail = null;
    try
    {
        var address = ResourceAddress.Parse($"Queues/r{rep:D3}-{writer}");
        if (mode == "etag")
        {
            var before = await store.ReadAsync();
            await Task.Delay(hold);
            await store.WriteAsync(before!.Document.WithResource(address, new ResourceState(writer, null, ResourceOrigin.Cmdlet)), before);
        }
        else
        {
            var timeout = mode == "wait" ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;
            await using var held = await store.AcquireLockAsync(LockInfo.Create($"race {writer}"), timeout);
            var before = await store.ReadAsync();
            await Task.Delay(hold);
            await store.WriteAsync(before!.Document.WithResource(address, new ResourceState(writer, null, ResourceOrigin.Cmdlet)), before);
        }
        outcome = "wrote";
    }
    catch (StateLockedException e)
    {
        outcome = "locked";
        detail = e.Holder?.Operation;
    }
    catch (StateConflictException e)
    {
        outcome = "conflict";
        detail = e.Message;
    }
    catch (Exception e)
    {
        outcome = "error";
        detail = e.ToString();
    }
    Console.WriteLine(JsonSerializer.Serialize(new { rep, writer, outcome, detail, late }));
}
