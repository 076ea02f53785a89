using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>A request the stub received.</summary>
public sealed record RecordedRequest(string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A canned answer.</summary>
public sealed record StubResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StubResponse Json(string body, int status = 200, string requestId = "req-1") =>
        new(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-amzn-RequestId"] = requestId });

    public static StubResponse Error(int status, string errorType, string body, string requestId = "req-err") =>
        new(status, body, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["x-amzn-RequestId"] = requestId,
            ["x-amzn-ErrorType"] = errorType,
        });

    public static StubResponse Xml(string body, int status = 200) =>
        new(status, body, new Dictionary<string, string> { ["Content-Type"] = "text/xml" });
}

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that answers from a script of canned responses
/// (the last one repeats) and records every request. Stopped on dispose.
/// </summary>
public sealed class StubServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<StubResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private StubResponse _last = StubResponse.Json("{}");
    private readonly Task _loop;

    public StubServer(params StubResponse[] responses)
    {
        foreach (var r in responses)
            _script.Enqueue(r);
        (_listener, Port) = Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public void Enqueue(StubResponse response) => _script.Enqueue(response);

    private static (HttpListener, int) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                    .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                _requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body));

                var response = _script.TryDequeue(out var next) ? _last = next : _last;
                context.Response.StatusCode = response.Status;
                foreach (var (k, v) in response.Headers ?? new Dictionary<string, string>())
                {
                    if (k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                        context.Response.ContentType = v;
                    else
                        context.Response.Headers[k] = v;
                }
                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; keep serving.
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
