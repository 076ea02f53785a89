using System.Globalization;
using System.Text.Json;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.S3;

// Usage: ConnectOps.StateRace --endpoint URL --bucket B --key K --writer NAME --mode lock|wait|etag [--lock-table T] [--hold MS]
// Prints "ready" once warmed up, then for every line "go <rep>" on stdin it writes the shared state the way
// every ConnectOps command does and prints one JSON line {"rep":…,"writer":…,"outcome":"wrote|locked|conflict|error"}:
//   lock/wait: take the lock (fail at once / wait), read, add Queues/r<rep>-<writer>, write, release;
//   etag:      read, add the entry, write (no lock: only the ETag condition protects the write).
// The test sends "go" to both writers at once and waits for both answers before the next repetition.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Opt(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

var writer = Opt("writer");
var mode = Opt("mode");
var hold = options.TryGetValue("hold", out var h) ? int.Parse(h, CultureInfo.InvariantCulture) : 200;
using var store = new S3StateStore(new S3BackendSettings
{
    Bucket = Opt("bucket"),
    Key = Opt("key"),
    Region = "eu-west-2",
    S3Endpoint = Opt("endpoint"),
    DynamoDbEndpoint = Opt("endpoint"),
    LockTable = options.GetValueOrDefault("lock-table"),
    LockPollInterval = TimeSpan.FromMilliseconds(50),
});

// Warm up (JIT, connections, credentials) before the first repetition.
await store.ReadAsync();
await store.GetLockAsync();
Console.Out.WriteLine("ready");
Console.Out.Flush();

while (Console.In.ReadLine() is { } line && line.StartsWith("go ", StringComparison.Ordinal))
{
    var rep = int.Parse(line[3..], CultureInfo.InvariantCulture);
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
            var timeout = mode == "wait" ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
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
    Console.Out.WriteLine(JsonSerializer.Serialize(new { rep, writer, outcome, detail }));
    Console.Out.Flush();
}
