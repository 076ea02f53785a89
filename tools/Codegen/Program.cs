using ConnectOps.Codegen;

// tools/Codegen: models/*.json.gz + models/operations.txt -> src/ConnectOps.Aws/Generated.
//   dotnet run --project tools/Codegen -- --root <repo>            regenerate (writes changed files, removes stale ones)
//   dotnet run --project tools/Codegen -- --root <repo> --check    exit 1 and list the files regeneration would change
var root = Directory.GetCurrentDirectory();
var check = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length:
            root = Path.GetFullPath(args[++i]);
            break;
        case "--check":
            check = true;
            break;
        default:
            Console.Error.WriteLine($"usage: Codegen [--root <repository>] [--check]  (unknown argument '{args[i]}')");
            return 2;
    }
}

SortedDictionary<string, string> files;
try
{
    files = Generator.Generate(root);
}
catch (Exception e) when (e is GeneratorException or IOException)
{
    Console.Error.WriteLine("codegen: " + e.Message);
    return 1;
}

var changed = Generator.Compare(root, files);
if (check)
{
    if (changed.Count == 0)
    {
        Console.WriteLine($"codegen: {files.Count} generated files are up to date.");
        return 0;
    }
    Console.Error.WriteLine($"codegen: regeneration would change {changed.Count} file(s); run `dotnet pwsh ./build.ps1 -Task Generate`:");
    foreach (var path in changed)
        Console.Error.WriteLine("  " + path);
    return 1;
}

foreach (var path in changed)
{
    var full = Path.Combine(root, path);
    if (files.TryGetValue(path, out var content))
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Console.WriteLine("wrote   " + path);
    }
    else
    {
        File.Delete(full);
        Console.WriteLine("removed " + path);
    }
}
Console.WriteLine($"codegen: {files.Count} files, {changed.Count} changed.");
return 0;
