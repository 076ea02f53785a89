using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ConnectOps.Engine.Emulation;

/// <summary>Options for a local emulator process; each maps to one of the emulator's command-line switches.</summary>
public sealed record EmulatorProcessOptions
{
    public int Port { get; init; }
    public string RateLimits { get; init; } = "off";
    public string ResourceQuotas { get; init; } = "aws-default";
    public int LatencyMs { get; init; }
    public string? StateFile { get; init; }
    /// <summary>The emulator exits when this process does (the session that started it).</summary>
    public int? ExitWithProcessId { get; init; }
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Starts the bundled Amazon Connect emulator as a child process on 127.0.0.1 and reads the endpoint it
/// bound from its first output line. Used by Start-ConnectEmulator, the demo and the tests.
/// </summary>
public sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    [GeneratedRegex(@"ConnectOps emulator listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>Starts the emulator found at <paramref name="emulatorDll"/> (ConnectOps.Emulator.dll).</summary>
    public static async Task<EmulatorProcess> StartAsync(string emulatorDll, EmulatorProcessOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(emulatorDll))
            throw new FileNotFoundException($"The emulator was not found at '{emulatorDll}'. Rebuild the module (build.ps1 -Task Build) or reinstall it.", emulatorDll);

        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(emulatorDll)!,
        };
        psi.ArgumentList.Add(emulatorDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{options.Port}");
        psi.ArgumentList.Add("--rate-limits");
        psi.ArgumentList.Add(options.RateLimits);
        psi.ArgumentList.Add("--resource-quotas");
        psi.ArgumentList.Add(options.ResourceQuotas);
        if (options.LatencyMs > 0)
        {
            psi.ArgumentList.Add("--latency-ms");
            psi.ArgumentList.Add(options.LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (options.StateFile is { Length: > 0 } stateFile)
        {
            psi.ArgumentList.Add("--state-file");
            psi.ArgumentList.Add(stateFile);
        }
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";

        if (options.ExitWithProcessId is { } owner)
        {
            psi.ArgumentList.Add("--exit-with-pid");
            psi.ArgumentList.Add(owner.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("The emulator process could not be started.");
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var m = ListeningLine().Match(e.Data);
            if (m.Success) found.TrySetResult(new Uri(m.Groups["url"].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => found.TrySetException(new InvalidOperationException($"The emulator exited before it started listening (exit code {SafeExitCode(process)}). {errors}".Trim()));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            var endpoint = await found.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            return new EmulatorProcess(process, endpoint);
        }
        catch
        {
            TryKill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The dotnet host that runs this process's runtime (works under `dotnet pwsh` and a native pwsh).</summary>
    public static string DotnetHost()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        if (File.Exists(candidate)) return candidate;
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return processPath;
        return exe;
    }

    private static int SafeExitCode(Process p)
    {
        try { return p.ExitCode; } catch (InvalidOperationException) { return -1; }
    }

    private static void TryKill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (System.ComponentModel.Win32Exception) { }
    }

    public void Stop()
    {
        TryKill(_process);
        try { _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
