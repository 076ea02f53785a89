using System.IO.Compression;
using System.Text.Json;

namespace ConnectOps.Codegen;

/// <summary>A member reference inside a structure, list or map (botocore "shape ref").</summary>
internal sealed record ShapeRef(
    string Shape,
    string? Location,
    string? LocationName,
    bool IdempotencyToken,
    bool Flattened,
    string? ResultWrapper);

/// <summary>A botocore shape, reduced to what the generator uses.</summary>
internal sealed class Shape
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public SortedDictionary<string, ShapeRef> Members { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);
    public ShapeRef? Member { get; init; }
    public ShapeRef? Key { get; init; }
    public ShapeRef? Value { get; init; }
    public IReadOnlyList<string>? Enum { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Pattern { get; init; }
    public bool Sensitive { get; init; }
    public bool Exception { get; init; }
    public bool Union { get; init; }
    public bool Flattened { get; init; }
    public string? TimestampFormat { get; init; }
    public string? ErrorCode { get; init; }
    public int? ErrorStatus { get; init; }
    public bool Document { get; init; }
    public bool EventStream { get; init; }
}

internal sealed record Operation(
    string Name,
    string HttpMethod,
    string RequestUri,
    ShapeRef? Input,
    ShapeRef? Output,
    IReadOnlyList<string> Errors,
    string? HostPrefix = null);

internal sealed record Paginator(
    IReadOnlyList<string> InputTokens,
    IReadOnlyList<string> OutputTokens,
    string? LimitKey,
    IReadOnlyList<string> ResultKeys,
    string? MoreResults,
    IReadOnlyList<string> NonAggregateKeys);

/// <summary>One botocore service model (service-2.json) plus its paginators, read from models/.</summary>
internal sealed class ServiceModel
{
    public required string FileName { get; init; }
    public required string? PaginatorsFileName { get; init; }
    public required JsonElement Metadata { get; init; }
    public required IReadOnlyDictionary<string, Shape> Shapes { get; init; }
    public required IReadOnlyDictionary<string, Operation> Operations { get; init; }
    public required IReadOnlyDictionary<string, Paginator> Paginators { get; init; }

    public string Meta(string key) => Metadata.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public string? MetaOrNull(string key) => Metadata.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static ServiceModel Load(string modelsDir, string serviceKey)
    {
        var candidates = Directory.GetFiles(modelsDir, serviceKey + "-*.json.gz")
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.Contains(".paginators.", StringComparison.Ordinal))
            .Cast<string>()
            .Where(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^" + System.Text.RegularExpressions.Regex.Escape(serviceKey) + @"-\d{4}-\d{2}-\d{2}\.json\.gz$"))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count != 1)
            throw new GeneratorException($"expected exactly one model file models/{serviceKey}-YYYY-MM-DD.json.gz, found {candidates.Count}");
        var fileName = candidates[0];
        using var doc = ReadGzipJson(Path.Combine(modelsDir, fileName));
        var root = doc.RootElement;

        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("shapes").EnumerateObject())
            shapes[p.Name] = ParseShape(p.Name, p.Value);

        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("operations").EnumerateObject())
        {
            var o = p.Value;
            var http = o.GetProperty("http");
            operations[p.Name] = new Operation(
                p.Name,
                http.GetProperty("method").GetString()!,
                http.GetProperty("requestUri").GetString()!,
                o.TryGetProperty("input", out var i) ? ParseRef(i) : null,
                o.TryGetProperty("output", out var outp) ? ParseRef(outp) : null,
                o.TryGetProperty("errors", out var errs) ? errs.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToList() : new List<string>(),
                o.TryGetProperty("endpoint", out var ep) && ep.TryGetProperty("hostPrefix", out var hp) ? hp.GetString() : null);
        }

        var paginators = new Dictionary<string, Paginator>(StringComparer.Ordinal);
        var pagFile = fileName.Replace(".json.gz", ".paginators.json.gz", StringComparison.Ordinal);
        string? pagName = null;
        if (File.Exists(Path.Combine(modelsDir, pagFile)))
        {
            pagName = pagFile;
            using var pdoc = ReadGzipJson(Path.Combine(modelsDir, pagFile));
            foreach (var p in pdoc.RootElement.GetProperty("pagination").EnumerateObject())
            {
                var v = p.Value;
                paginators[p.Name] = new Paginator(
                    StringOrList(v, "input_token"),
                    StringOrList(v, "output_token"),
                    v.TryGetProperty("limit_key", out var lk) ? lk.GetString() : null,
                    StringOrList(v, "result_key"),
                    v.TryGetProperty("more_results", out var mr) ? mr.GetString() : null,
                    StringOrList(v, "non_aggregate_keys"));
            }
        }

        return new ServiceModel
        {
            FileName = fileName,
            PaginatorsFileName = pagName,
            Metadata = root.GetProperty("metadata").Clone(),
            Shapes = shapes,
            Operations = operations,
            Paginators = paginators,
        };
    }

    private static IReadOnlyList<string> StringOrList(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
            return Array.Empty<string>();
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : new[] { v.GetString()! };
    }

    private static JsonDocument ReadGzipJson(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return JsonDocument.Parse(ms.ToArray());
    }

    private static ShapeRef ParseRef(JsonElement e) => new(
        e.GetProperty("shape").GetString()!,
        e.TryGetProperty("location", out var l) ? l.GetString() : null,
        e.TryGetProperty("locationName", out var ln) ? ln.GetString() : null,
        e.TryGetProperty("idempotencyToken", out var it) && it.GetBoolean(),
        e.TryGetProperty("flattened", out var f) && f.GetBoolean(),
        e.TryGetProperty("resultWrapper", out var rw) ? rw.GetString() : null);

    private static Shape ParseShape(string name, JsonElement s)
    {
        var shape = new Shape
        {
            Name = name,
            Type = s.GetProperty("type").GetString()!,
            Member = s.TryGetProperty("member", out var m) ? ParseRef(m) : null,
            Key = s.TryGetProperty("key", out var k) ? ParseRef(k) : null,
            Value = s.TryGetProperty("value", out var v) ? ParseRef(v) : null,
            Enum = s.TryGetProperty("enum", out var en) ? en.EnumerateArray().Select(x => x.GetString()!).ToList() : null,
            Min = s.TryGetProperty("min", out var min) ? min.GetDouble() : null,
            Max = s.TryGetProperty("max", out var max) ? max.GetDouble() : null,
            Pattern = s.TryGetProperty("pattern", out var pat) ? pat.GetString() : null,
            Sensitive = s.TryGetProperty("sensitive", out var sen) && sen.GetBoolean(),
            Exception = s.TryGetProperty("exception", out var ex) && ex.GetBoolean(),
            Union = s.TryGetProperty("union", out var un) && un.GetBoolean(),
            Flattened = s.TryGetProperty("flattened", out var fl) && fl.GetBoolean(),
            TimestampFormat = s.TryGetProperty("timestampFormat", out var tf) ? tf.GetString() : null,
            ErrorCode = s.TryGetProperty("error", out var err) && err.TryGetProperty("code", out var code) ? code.GetString() : null,
            ErrorStatus = s.TryGetProperty("error", out var err2) && err2.TryGetProperty("httpStatusCode", out var st) ? st.GetInt32() : null,
            Document = s.TryGetProperty("document", out var d) && d.GetBoolean(),
            EventStream = s.TryGetProperty("eventstream", out var es) && es.GetBoolean(),
        };
        if (s.TryGetProperty("members", out var members))
            foreach (var p in members.EnumerateObject())
                shape.Members[p.Name] = ParseRef(p.Value);
        if (s.TryGetProperty("required", out var req))
            foreach (var r in req.EnumerateArray())
                shape.Required.Add(r.GetString()!);
        return shape;
    }
}

internal sealed class GeneratorException(string message) : Exception(message);
