using System.IO.Compression;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectOps.Emulator.Models;

/// <summary>One botocore service model (service-2.json), loaded from the embedded <c>models/</c> resources.</summary>
internal sealed class ServiceModel
{
    private readonly Dictionary<string, Shape> shapes = new(StringComparer.Ordinal);

    private ServiceModel(string name, JsonObject root)
    {
        Name = name;
        var metadata = root["metadata"]!.AsObject();
        Protocol = (string)metadata["protocol"]!;
        TargetPrefix = (string?)metadata["targetPrefix"];
        XmlNamespace = (string?)metadata["xmlNamespace"];
        SigningName = (string?)metadata["signingName"] ?? (string)metadata["endpointPrefix"]!;
        foreach (var (shapeName, node) in root["shapes"]!.AsObject())
        {
            shapes[shapeName] = new Shape(this, shapeName, node!.AsObject());
        }

        foreach (var (opName, node) in root["operations"]!.AsObject())
        {
            Operations[opName] = new Operation(this, opName, node!.AsObject());
        }
    }

    /// <summary>The name used in call statistics and error messages: Connect, IAM, Logs, STS, SecretsManager.</summary>
    public string Name { get; }

    public string Protocol { get; }

    public string? TargetPrefix { get; }

    public string? XmlNamespace { get; }

    public string SigningName { get; }

    public Dictionary<string, Operation> Operations { get; } = new(StringComparer.Ordinal);

    public Shape GetShape(string name) =>
        shapes.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"Shape {name} is not in the {Name} model.");

    public bool TryGetShape(string name, out Shape shape) => shapes.TryGetValue(name, out shape!);

    public static ServiceModel Load(string fileName, string name)
    {
        var assembly = typeof(ServiceModel).Assembly;
        using var stream = assembly.GetManifestResourceStream($"models/{fileName}")
            ?? throw new InvalidOperationException($"Embedded model models/{fileName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var root = JsonNode.Parse(gzip)!.AsObject();
        return new ServiceModel(name, root);
    }
}

internal sealed class Operation
{
    private readonly ServiceModel model;
    private readonly string? inputShape;
    private readonly string? outputShape;

    public Operation(ServiceModel model, string name, JsonObject node)
    {
        this.model = model;
        Name = name;
        var http = node["http"]?.AsObject();
        Method = (string?)http?["method"] ?? "POST";
        RequestUri = (string?)http?["requestUri"] ?? "/";
        inputShape = (string?)node["input"]?["shape"];
        outputShape = (string?)node["output"]?["shape"];
        ResultWrapper = (string?)node["output"]?["resultWrapper"];
        Errors = node["errors"]?.AsArray().Select(e => (string)e!["shape"]!).ToList() ?? [];
    }

    public string Name { get; }

    public string Method { get; }

    public string RequestUri { get; }

    public string? ResultWrapper { get; }

    public IReadOnlyList<string> Errors { get; }

    public ServiceModel Service => model;

    public Shape? Input => inputShape is null ? null : model.GetShape(inputShape);

    public Shape? Output => outputShape is null ? null : model.GetShape(outputShape);

    public bool DeclaresError(string shapeName) => Errors.Contains(shapeName, StringComparer.Ordinal);

    public override string ToString() => $"{model.Name}.{Name}";
}

internal sealed class Shape
{
    private readonly ServiceModel model;
    private readonly JsonObject node;

    public Shape(ServiceModel model, string name, JsonObject node)
    {
        this.model = model;
        this.node = node;
        Name = name;
        Type = (string)node["type"]!;
        Required = node["required"]?.AsArray().Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [];
        Enum = node["enum"]?.AsArray().Select(e => (string)e!).ToList();
        Min = (double?)node["min"];
        Pattern = CompilePattern((string?)node["pattern"]);
        Max = (double?)node["max"];
        Flattened = (bool?)node["flattened"] ?? false;
        IsException = (bool?)node["exception"] ?? false;
        ErrorCode = (string?)node["error"]?["code"];
        ErrorStatus = (int?)node["error"]?["httpStatusCode"];
        if (node["members"] is JsonObject members)
        {
            foreach (var (memberName, memberNode) in members)
            {
                Members[memberName] = new Member(model, memberName, memberNode!.AsObject());
            }
        }

        if (node["member"] is JsonObject listMember)
        {
            ListMember = new Member(model, "member", listMember);
        }

        if (node["key"] is JsonObject key)
        {
            MapKey = new Member(model, "key", key);
        }

        if (node["value"] is JsonObject value)
        {
            MapValue = new Member(model, "value", value);
        }
    }

    public string Name { get; }

    /// <summary>structure, list, map, string, integer, long, boolean, timestamp, double, float, blob.</summary>
    public string Type { get; }

    public Dictionary<string, Member> Members { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; }

    public IReadOnlyList<string>? Enum { get; }

    public double? Min { get; }

    public double? Max { get; }

    /// <summary>
    /// The shape's pattern, searched (not anchored) as Smithy specifies; null when absent or when the stripped model
    /// carries it in a form .NET cannot read the way the service does (double-escaped, or /…/-delimited).
    /// </summary>
    public Regex? Pattern { get; }

    public bool Flattened { get; }

    public bool IsException { get; }

    public string? ErrorCode { get; }

    public int? ErrorStatus { get; }

    public Member? ListMember { get; }

    public Member? MapKey { get; }

    public Member? MapValue { get; }

    public bool IsNumeric => Type is "integer" or "long" or "double" or "float";

    public bool IsScalar => Type is not ("structure" or "list" or "map");

    public ServiceModel Service => model;

    public override string ToString() => $"{Name} ({Type})";

    private static Regex? CompilePattern(string? pattern)
    {
        if (pattern is null || pattern.Contains(@"\\", StringComparison.Ordinal) || pattern.StartsWith('/'))
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

internal sealed class Member
{
    private readonly ServiceModel model;
    private readonly string shapeName;

    public Member(ServiceModel model, string name, JsonObject node)
    {
        this.model = model;
        Name = name;
        shapeName = (string)node["shape"]!;
        Location = (string?)node["location"];
        LocationName = (string?)node["locationName"];
        IdempotencyToken = (bool?)node["idempotencyToken"] ?? false;
        Flattened = (bool?)node["flattened"] ?? false;
    }

    public string Name { get; }

    public Shape Shape => model.GetShape(shapeName);

    /// <summary>uri, querystring, header, headers, statusCode; null for the body.</summary>
    public string? Location { get; }

    public string? LocationName { get; }

    public bool IdempotencyToken { get; }

    public bool Flattened { get; }

    /// <summary>The name this member has on the wire (query keys, XML elements, URI labels).</summary>
    public string WireName => LocationName ?? Name;
}

/// <summary>All service models the emulator serves, loaded once per process.</summary>
internal static class ServiceModels
{
    private static readonly Lazy<ServiceModel> ConnectModel = new(() => ServiceModel.Load("connect-2017-08-08.json.gz", "Connect"));
    private static readonly Lazy<ServiceModel> IamModel = new(() => ServiceModel.Load("iam-2010-05-08.json.gz", "IAM"));
    private static readonly Lazy<ServiceModel> LogsModel = new(() => ServiceModel.Load("logs-2014-03-28.json.gz", "Logs"));
    private static readonly Lazy<ServiceModel> StsModel = new(() => ServiceModel.Load("sts-2011-06-15.json.gz", "STS"));
    private static readonly Lazy<ServiceModel> SecretsModel = new(() => ServiceModel.Load("secretsmanager-2017-10-17.json.gz", "SecretsManager"));

    public static ServiceModel Connect => ConnectModel.Value;

    public static ServiceModel Iam => IamModel.Value;

    public static ServiceModel Logs => LogsModel.Value;

    public static ServiceModel Sts => StsModel.Value;

    public static ServiceModel SecretsManager => SecretsModel.Value;
}
