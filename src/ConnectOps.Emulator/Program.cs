using System.Diagnostics;
using System.Runtime.InteropServices;
using ConnectOps.Emulator;

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"ConnectOps emulator: {e.Message}");
    return 2;
}

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options);
}
catch (IOException e)
{
    Console.Error.WriteLine($"ConnectOps emulator: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

await using (server)
{
    // Launchers read this one line to learn the bound address.
    Console.WriteLine($"ConnectOps emulator listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();

    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.TrySetResult();
    };
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.TrySetResult();
    });
    if (options.ExitWithProcessId is { } owner)
    {
        _ = Task.Run(async () =>
        {
            while (IsRunning(owner)) await Task.Delay(TimeSpan.FromMilliseconds(500));
            stop.TrySetResult();
        });
    }
    await stop.Task;
}

return 0;

static bool IsRunning(int processId)
{
    try
    {
        using var process = Process.GetProcessById(processId);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false; // no process with that id any more
    }
}
