using System.Net;
using System.Net.Sockets;

namespace ConnectOps.Engine.Tests.State.S3;

/// <summary>
/// A pass-through HTTP proxy in front of moto that answers chosen requests itself, for S3 answers moto never
/// gives (409 ConditionalRequestConflict). <see cref="Fault"/> sees each request and returns a canned
/// response (status, S3 error code) or null to forward it.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _target;
    private readonly CancellationTokenSource _stop = new();

    public FaultProxy(string target)
    {
        _target = target.TrimEnd('/');
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public Func<HttpListenerRequest, (int Status, string Code)?> Fault { get; set; } = _ => null;

    public List<string> Seen { get; } = [];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            try { await HandleAsync(context); }
            catch (Exception) { context.Response.StatusCode = 502; context.Response.Close(); }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        lock (Seen) Seen.Add($"{request.HttpMethod} {request.Url!.PathAndQuery} {request.Headers["If-Match"]}{request.Headers["If-None-Match"]}");
        if (Fault(request) is { } fault)
        {
            using (var drain = new MemoryStream()) await request.InputStream.CopyToAsync(drain);
            var body = System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{fault.Code}</Code><Message>injected by the test</Message></Error>");
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = "application/xml";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
            return;
        }
        using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _target + request.Url!.PathAndQuery);
        var content = new MemoryStream();
        await request.InputStream.CopyToAsync(content);
        if (content.Length > 0 || request.HttpMethod is "PUT" or "POST")
        {
            content.Position = 0;
            forward.Content = new StreamContent(content);
        }
        foreach (string name in request.Headers)
        {
            if (name is "Host" or "Connection" or "Transfer-Encoding" or "Content-Length") continue;
            var value = request.Headers[name]!;
            if (!forward.Headers.TryAddWithoutValidation(name, value)) forward.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _client.SendAsync(forward);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is "Transfer-Encoding" or "Content-Length" or "Connection") continue;
            context.Response.Headers[name] = string.Join(",", values);
        }
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 0) await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        _client.Dispose();
    }
}
