using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.S3;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>
/// moto_server (S3 with versioning and conditional writes, DynamoDB) on a free 127.0.0.1 port, started for a
/// test class and stopped after, serving one request at a time (see <see cref="SerializedServer"/>).
/// Missing moto skips the tests with the reason, except under CI=true.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;
    private readonly System.Text.StringBuilder _errors = new();

    /// <summary>
    /// moto_server's own application (what <c>python3 -m moto.server</c> runs), serving one request at a time.
    /// moto checks <c>If-Match</c> / <c>If-None-Match</c> and then stores the object in two steps without a
    /// lock, so under load two concurrent conditional PUTs can both pass: a lost update S3 itself never allows
    /// (one of them gets 412, or 409 ConditionalRequestConflict). Serialising requests gives moto S3's
    /// atomicity, so the concurrency tests test ConnectOps, not moto's race. (Seen: 1 in 50 two-process
    /// ETag races at load average 15 lost a write against plain moto_server.)
    /// </summary>
    private const string SerializedServer = """
        import os, sys, threading
        from werkzeug.serving import run_simple
        from moto.server import DomainDispatcherApplication, create_backend_app
        host, port = sys.argv[1], int(sys.argv[2])
        os.environ.setdefault("MOTO_PORT", str(port))
        app = DomainDispatcherApplication(create_backend_app)
        gate = threading.Lock()
        def serialized(environ, start_response):
            with gate:
                return list(app(environ, start_response))
        run_simple(host, port, serialized, threaded=True)
        """;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Why moto cannot run here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    public string Endpoint { get; private set; } = "";

    public static BasicAWSCredentials Credentials { get; } = new("AKIDCONNECTOPSTEST", "connectops-test-secret");

    public async Task InitializeAsync()
    {
        if (MissingReason is { } reason)
        {
            if (IsCi) throw new InvalidOperationException($"moto is required under CI=true: {reason}");
            return;
        }
        var port = FreePort();
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", SerializedServer, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m moto.server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { lock (_errors) { if (_errors.Length < 4000) _errors.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto_server exited with {_process.ExitCode} before it was ready: {_errors}");
            try
            {
                using var response = await http.GetAsync($"{Endpoint}/moto-api/");
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"moto_server did not answer on {Endpoint} within 60 s.");
            await Task.Delay(200);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Settings for a store on this server (bucket and key given), SSE-S3, fast lock polling.</summary>
    public S3BackendSettings Settings(string bucket, string key = "connectops/state.json", string? lockTable = null) => new()
    {
        Bucket = bucket,
        Key = key,
        Region = "eu-west-2",
        S3Endpoint = Endpoint,
        DynamoDbEndpoint = Endpoint,
        LockTable = lockTable,
        Credentials = Credentials,
        LockPollInterval = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>A fresh bucket name (each test works in its own bucket).</summary>
    public static string NewBucket(string prefix = "state") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Probe()
    {
        try
        {
            var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-c", "import moto.server, flask, werkzeug" }) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            var error = p.StandardError.ReadToEnd();
            if (!p.WaitForExit(60_000)) { p.Kill(); return "python3 -c 'import moto.server' did not finish"; }
            return p.ExitCode == 0 ? null : $"moto[server] is not installed for python3 ({error.Trim().Split('\n').LastOrDefault()}); pip install \"moto[server]\"";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"python3 is not available ({e.Message})";
        }
    }
}

/// <summary>A test that needs moto_server: skipped with the reason where moto is missing, unless CI=true.</summary>
public sealed class MotoFactAttribute : FactAttribute
{
    public MotoFactAttribute()
    {
        if (MotoServer.MissingReason is { } reason && !MotoServer.IsCi) Skip = $"Skipped: {reason}. Set CI=true to make this a failure.";
    }
}
