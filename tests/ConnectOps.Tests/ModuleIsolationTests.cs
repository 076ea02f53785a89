using System.Reflection;
using System.Runtime.Loader;

namespace ConnectOps.Tests;

/// <summary>
/// PowerShell reads the cmdlet assembly's exported types before the module initializer routes the engine to
/// dependencies/. Any exported type whose loading needs the engine (a base type or interface from it, an
/// engine enum or struct as a field) breaks Import-Module; this catches it without building the module.
/// </summary>
public sealed class ModuleIsolationTests
{
    private sealed class NoEngineContext(string folder) : AssemblyLoadContext("no-engine", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is "ConnectOps.Engine" or "ConnectOps.Aws" || name.Name!.StartsWith("AWSSDK.", StringComparison.Ordinal))
                throw new FileNotFoundException($"{name.Name} must not be needed to read the cmdlet assembly's exported types.");
            if (name.Name == "ConnectOps") return LoadFromAssemblyPath(Path.Combine(folder, "ConnectOps.dll"));
            return null; // the framework and System.Management.Automation from the default context
        }
    }

    [Fact]
    public void Exported_types_of_the_cmdlet_assembly_load_without_the_engine()
    {
        var folder = Path.GetDirectoryName(typeof(ConnectOps.Commands.ConnectCmdletBase).Assembly.Location)!;
        var context = new NoEngineContext(folder);
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName("ConnectOps"));
            var types = assembly.GetExportedTypes();
            Assert.Contains(types, t => t.Name == "InvokeConnectPlanCommand");
        }
        finally
        {
            context.Unload();
        }
    }
}
