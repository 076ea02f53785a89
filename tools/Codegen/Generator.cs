namespace ConnectOps.Codegen;

/// <summary>How one AWS service is named in the generated code.</summary>
public sealed record ServiceSpec(
    string Key,
    string Folder,
    string Namespace,
    string ClientClass,
    string Prefix,
    string ExceptionBase,
    string RequestBase);

/// <summary>
/// Reads models/*.json.gz (botocore) and models/operations.txt and returns every generated file
/// (path relative to the repository root, with '/' separators) and its content. Pure: it writes
/// nothing, so tests can compare its output with the checked-in files.
/// </summary>
public static class Generator
{
    public const string OutputDirectory = "src/ConnectOps.Aws/Generated";
    public const string OperationsFile = "models/operations.txt";

    public static IReadOnlyList<ServiceSpec> Services { get; } = new[]
    {
        new ServiceSpec("connect", "Connect", "ConnectOps.Aws.Connect", "ConnectClient", "Connect", "AmazonConnectException", "AmazonConnectRequest"),
        new ServiceSpec("iam", "Iam", "ConnectOps.Aws.Iam", "IamClient", "Iam", "AmazonIdentityManagementServiceException", "AmazonIdentityManagementServiceRequest"),
        new ServiceSpec("logs", "Logs", "ConnectOps.Aws.Logs", "LogsClient", "Logs", "AmazonCloudWatchLogsException", "AmazonCloudWatchLogsRequest"),
        new ServiceSpec("secretsmanager", "SecretsManager", "ConnectOps.Aws.SecretsManager", "SecretsManagerClient", "SecretsManager", "AmazonSecretsManagerException", "AmazonSecretsManagerRequest"),
    };

    /// <summary>Parses operations.txt: "service Operation" per line, '#' starts a comment.</summary>
    public static SortedDictionary<string, SortedSet<string>> ReadOperations(string path)
    {
        var result = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
                continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                throw new GeneratorException($"{OperationsFile}:{lineNo}: expected '<service> <Operation>', got '{line}'");
            if (Services.All(s => s.Key != parts[0]))
                throw new GeneratorException($"{OperationsFile}:{lineNo}: unknown service '{parts[0]}' (known: {string.Join(", ", Services.Select(s => s.Key))})");
            if (!result.TryGetValue(parts[0], out var set))
                result[parts[0]] = set = new SortedSet<string>(StringComparer.Ordinal);
            if (!set.Add(parts[1]))
                throw new GeneratorException($"{OperationsFile}:{lineNo}: '{line}' is listed twice");
        }
        return result;
    }

    public static SortedDictionary<string, string> Generate(string root)
    {
        var ops = ReadOperations(Path.Combine(root, OperationsFile));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in Services)
        {
            if (!ops.TryGetValue(spec.Key, out var names))
                continue;
            var model = ServiceModel.Load(Path.Combine(root, "models"), spec.Key);
            foreach (var (path, content) in new ServiceEmitter(spec, model, names).Emit())
                files[$"{OutputDirectory}/{spec.Folder}/{path}"] = content;
        }
        return files;
    }

    /// <summary>Files under the output directory that differ from, are missing from, or are not in <paramref name="generated"/>.</summary>
    public static IReadOnlyList<string> Compare(string root, IReadOnlyDictionary<string, string> generated)
    {
        var diffs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, content) in generated)
        {
            var full = Path.Combine(root, path);
            if (!File.Exists(full) || File.ReadAllText(full) != content)
                diffs.Add(path);
        }
        foreach (var path in ExistingFiles(root))
            if (!generated.ContainsKey(path))
                diffs.Add(path);
        return diffs.ToList();
    }

    public static IEnumerable<string> ExistingFiles(string root)
    {
        var dir = Path.Combine(root, OutputDirectory);
        if (!Directory.Exists(dir))
            return Array.Empty<string>();
        return Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}
