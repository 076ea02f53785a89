using System.Diagnostics;
using System.Text;

namespace ConnectOps.Emulator.Tests.Infrastructure;

/// <summary>
/// The conformance peers on this machine image: the AWS CLI and boto3. Tests that need one are skipped with the reason
/// when it is missing, except under CI=true, where they run (and fail).
/// </summary>
public static class Peers
{
    private static readonly Lazy<string?> AwsCliMissing = new(() => Probe("aws", ["--version"], "the AWS CLI ('aws') is not installed"));
    private static readonly Lazy<string?> Boto3Missing = new(() => Probe("python3", ["-c", "import boto3"], "python3 with boto3 is not installed"));

    /// <summary>
    /// Why a test that needs a missing peer is skipped, or null when it must run: it runs when the peer is there, and
    /// under CI=true it runs even without it, so that a missing peer fails the build instead of passing silently.
    /// </summary>
    public static string? SkipReason(string? missingReason, bool isCi) =>
        missingReason is null || isCi ? null : $"Skipped: {missingReason}. Set CI=true to make this a failure.";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? AwsCliMissingReason => AwsCliMissing.Value;

    public static string? Boto3MissingReason => Boto3Missing.Value;

    /// <summary>Environment for peers: dummy credentials, and config files that do not exist so the user's are never read.</summary>
    public static void IsolateEnvironment(ProcessStartInfo start)
    {
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDCONNECTOPSTEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "connectops-test-secret";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_DEFAULT_PROFILE");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(Path.GetTempPath(), "connectops-no-such-aws-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "connectops-no-such-aws-credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
    }

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? input = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        IsolateEnvironment(start);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string? Probe(string fileName, string[] arguments, string reason)
    {
        try
        {
            var result = RunAsync(fileName, arguments, timeout: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            return result.ExitCode == 0 ? null : $"{reason} (exit {result.ExitCode}: {result.StandardError.Trim()})";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return $"{reason} ({e.Message})";
        }
    }
}

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"exit {ExitCode}");
        text.AppendLine("stdout:").AppendLine(StandardOutput);
        text.AppendLine("stderr:").AppendLine(StandardError);
        return text.ToString();
    }
}

/// <summary>A test that needs the AWS CLI: skipped with the reason where it is missing, unless CI=true.</summary>
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        Skip = Peers.SkipReason(Peers.AwsCliMissingReason, Peers.IsCi);
    }
}

/// <summary>A test that needs python3 + boto3: skipped with the reason where it is missing, unless CI=true.</summary>
public sealed class Boto3FactAttribute : FactAttribute
{
    public Boto3FactAttribute()
    {
        Skip = Peers.SkipReason(Peers.Boto3MissingReason, Peers.IsCi);
    }
}
