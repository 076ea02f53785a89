using System.Reflection;
using System.Runtime.Loader;

namespace ConnectOps.Hosting;

/// <summary>
/// Loads the engine, the wire layer and AWSSDK from the module's dependencies/ folder, isolated from
/// whatever AWSSDK.Core another module (AWS Tools for PowerShell) already loaded into the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder) : base("ConnectOps.Dependencies", isCollectible: false)
    {
        _folder = folder;
    }

    public string Folder => _folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
