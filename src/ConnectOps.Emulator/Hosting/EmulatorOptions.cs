using System.Globalization;

namespace ConnectOps.Emulator;

/// <summary>How the emulator starts; mirrors the command line (<c>--rate-limits</c>, <c>--latency-ms</c> …).</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>"off" (default) or "aws-default": per-operation token buckets per account+Region.</summary>
    public string RateLimits { get; set; } = "off";

    /// <summary>"aws-default" (default) or "off": per-instance resource quotas.</summary>
    public string ResourceQuotas { get; set; } = "aws-default";

    public int LatencyMs { get; set; }

    public double Fault500Rate { get; set; }

    public double FaultTimeoutRate { get; set; }

    public double FaultDropRate { get; set; }

    /// <summary>How long a timeout fault holds the request before answering 504.</summary>
    public int FaultTimeoutMs { get; set; } = 10_000;

    /// <summary>Seed for fault injection, so a faulty run can be replayed.</summary>
    public int? Seed { get; set; }

    /// <summary>How many Describe polls an asynchronous instance creation or phone-number claim stays in progress.</summary>
    public int AsyncPolls { get; set; } = 2;

    /// <summary>Persist the emulated account here between runs (written atomically after every change).</summary>
    public string? StateFile { get; set; }

    /// <summary>Exit when this process does (the PowerShell session that started the emulator), so none is left behind.</summary>
    public int? ExitWithProcessId { get; set; }

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions { Port = 4599 };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--urls":
                    options.Port = ParseUrl(Value());
                    break;
                case "--port":
                    options.Port = ParseInt(arg, Value(), 0, 65535);
                    break;
                case "--rate-limits":
                    options.RateLimits = ParseChoice(arg, Value(), "off", "aws-default");
                    break;
                case "--resource-quotas":
                    options.ResourceQuotas = ParseChoice(arg, Value(), "off", "aws-default");
                    break;
                case "--latency-ms":
                    options.LatencyMs = ParseInt(arg, Value(), 0, 600_000);
                    break;
                case "--fault-500-rate":
                    options.Fault500Rate = ParseRate(arg, Value());
                    break;
                case "--fault-timeout-rate":
                    options.FaultTimeoutRate = ParseRate(arg, Value());
                    break;
                case "--fault-drop-rate":
                    options.FaultDropRate = ParseRate(arg, Value());
                    break;
                case "--fault-timeout-ms":
                    options.FaultTimeoutMs = ParseInt(arg, Value(), 0, 600_000);
                    break;
                case "--seed":
                    options.Seed = ParseInt(arg, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--async-polls":
                    options.AsyncPolls = ParseInt(arg, Value(), 0, 100);
                    break;
                case "--state-file":
                    options.StateFile = Value();
                    break;
                case "--exit-with-pid":
                    options.ExitWithProcessId = ParseInt(arg, Value(), 1, int.MaxValue);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {arg}. Options: --urls, --rate-limits off|aws-default, --resource-quotas aws-default|off, --latency-ms N, --fault-500-rate R, --fault-timeout-rate R, --fault-drop-rate R, --fault-timeout-ms N, --seed N, --async-polls N, --state-file PATH, --exit-with-pid PID.");
            }
        }

        return options;
    }

    /// <summary>Accepts http://127.0.0.1:PORT or http://localhost:PORT; the emulator never binds beyond loopback.</summary>
    internal static int ParseUrl(string url)
    {
        var first = url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? url;
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--urls must be http://127.0.0.1:PORT, not '{url}'.");
        }

        if (uri.Host is not ("127.0.0.1" or "localhost"))
        {
            throw new ArgumentException($"--urls host must be 127.0.0.1 (the emulator binds to loopback only), not '{uri.Host}'.");
        }

        return uri.Port;
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}, not '{value}'.");

    private static double ParseRate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
            ? r
            : throw new ArgumentException($"{name} must be a number from 0 to 1, not '{value}'.");

    private static string ParseChoice(string name, string value, params string[] choices) =>
        choices.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? value.ToLowerInvariant()
            : throw new ArgumentException($"{name} must be one of {string.Join(", ", choices)}, not '{value}'.");
}
