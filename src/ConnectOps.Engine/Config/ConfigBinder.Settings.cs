using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Config;

// Region-wide settings: State, Endpoints, RateLimits.
public sealed partial class ConfigBinder
{
    private static readonly string[] S3OnlyKeys = ["Bucket", "Key", "Region", "Encrypt", "KmsKeyId", "LockTable", "Endpoint"];

    private StateSettings BindState(MapReader top)
    {
        var defaultPath = Path.Combine(_ctx.ConfigDirectory, ".connectops", "state.json");
        var local = new StateSettings(StateBackend.Local, defaultPath, null, null, null, false, null, null, null);
        if (top.SubMap("State", example: "@{ Backend = 'Local' }") is not { } map) return local;
        var r = new MapReader(_ctx, map, "State");
        var backendNode = r.Node("Backend");
        var backend = StateBackend.Local;
        if (backendNode is not null)
        {
            if (backendNode is ConfigScalar { Value: string s } && Enum.TryParse<StateBackend>(s, ignoreCase: true, out var b) && Enum.IsDefined(b) && s.All(char.IsAsciiLetterOrDigit))
            {
                backend = b;
            }
            else
            {
                _ctx.Error(ConfigErrorCodes.InvalidEnum, $"Backend must be 'Local' or 'S3', not {backendNode.Describe()}.", backendNode.Position, r.KeyPath("Backend"));
            }
        }
        var path = r.String("Path", max: 4096);
        var bucket = r.Pattern("Bucket", ConfigPatterns.S3Bucket(), "an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)",
            required: backend == StateBackend.S3, example: "'my-connectops-state'");
        var key = r.String("Key", max: 1024);
        var region = r.Pattern("Region", ConfigPatterns.Region(), "an AWS Region such as 'eu-west-2'");
        var encrypt = r.Bool("Encrypt");
        var kms = r.String("KmsKeyId", max: 2048);
        var lockTable = r.String("LockTable", max: 255);
        var endpoint = Url(r, "Endpoint");
        if (backend == StateBackend.Local)
        {
            foreach (var s3Key in S3OnlyKeys)
            {
                if (r.Has(s3Key))
                {
                    _ctx.Error(ConfigErrorCodes.Conflict, $"{s3Key} applies only to Backend = 'S3'. Set Backend = 'S3' or remove {s3Key}.",
                        r.PositionOf(s3Key), r.KeyPath(s3Key));
                }
            }
        }
        else if (path is not null)
        {
            _ctx.Error(ConfigErrorCodes.Conflict, "Path applies only to Backend = 'Local'; an S3 backend uses Bucket and Key.", r.PositionOf("Path"), r.KeyPath("Path"));
        }
        r.Finish();
        return backend == StateBackend.Local
            ? local with { Path = path is null ? defaultPath : Path.GetFullPath(path, _ctx.ConfigDirectory) }
            : new StateSettings(StateBackend.S3, null, bucket, key ?? StateSettings.DefaultS3Key, region, encrypt ?? true, kms, lockTable, endpoint);
    }

    private EndpointSettings BindEndpoints(MapReader top)
    {
        if (top.SubMap("Endpoints", example: "@{ Connect = 'http://127.0.0.1:4599' }") is not { } map) return EndpointSettings.None;
        var r = new MapReader(_ctx, map, "Endpoints");
        var urls = EndpointSettings.Services.Select(s => Url(r, s)).ToArray();
        r.Finish();
        return new EndpointSettings(urls[0], urls[1], urls[2], urls[3], urls[4], urls[5], urls[6]);
    }

    private string? Url(MapReader r, string key)
    {
        var text = r.String(key, max: 2048, example: "'https://...'");
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return text;
        _ctx.Error(ConfigErrorCodes.InvalidValue, $"{key} '{BindContext.Shorten(text)}' is not an absolute http:// or https:// URL.", r.PositionOf(key), r.KeyPath(key));
        return null;
    }

    private ValueList<RateLimitOverride> BindRateLimits(MapReader top)
    {
        if (top.SubMap("RateLimits", example: "@{ SearchUsers = @{ RequestsPerSecond = 2; Burst = 5 } }") is not { } map) return ValueList<RateLimitOverride>.Empty;
        var result = new List<RateLimitOverride>();
        foreach (var entry in map.Entries)
        {
            var path = BindContext.Join("RateLimits", entry.Key);
            if (!ConfigPatterns.OperationName().IsMatch(entry.Key))
            {
                _ctx.Error(ConfigErrorCodes.InvalidValue,
                    $"'{BindContext.Shorten(entry.Key)}' is not an API operation name. Use the operation's name as AWS spells it (e.g. SearchUsers, CreateQueue) or Default.",
                    entry.KeyPosition, path);
                continue;
            }
            if (entry.Value is ConfigScalar { Kind: ConfigScalarKind.Integer or ConfigScalarKind.Double })
            {
                if (_ctx.AsDouble(entry.Value, path, entry.Key, 0.01, 10_000) is { } rps) result.Add(new RateLimitOverride(entry.Key, rps, null));
                continue;
            }
            if (_ctx.AsMap(entry.Value, path, entry.Key) is not { } limit) continue;
            var r = new MapReader(_ctx, limit, path);
            var rate = r.Double("RequestsPerSecond", 0.01, 10_000, required: true);
            var burst = r.Int("Burst", 1, 10_000);
            r.Finish();
            if (rate is { } value) result.Add(new RateLimitOverride(entry.Key, value, burst));
        }
        return result.ToValueList();
    }
}
