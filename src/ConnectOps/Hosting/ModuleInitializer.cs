using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace ConnectOps.Hosting;

/// <summary>
/// Runs when PowerShell imports the module: routes the engine's assemblies (and only those) to the
/// module's own load context, so the cmdlet assembly at the module root can use engine types while
/// AWSSDK.Core stays private to the module.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static DependencyLoadContext? s_context;

    internal static string ModuleFolder { get; } = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

    public void OnImport()
    {
        lock (Gate)
        {
            if (s_context is not null) return;
            var deps = Path.Combine(ModuleFolder, "dependencies");
            // In the build tree (tests that load the cmdlet assembly next to the engine) there is no
            // dependencies/ folder and the default context finds the engine by itself.
            if (!Directory.Exists(deps)) return;
            s_context = new DependencyLoadContext(deps);
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        // Emulators this session started die with the module. The load context is not collectible
        // (a loaded engine cannot be unloaded); a re-import reuses it.
        EmulatorRegistry.StopAll();
        // Set-ConnectDefault's values belong to this import of the module.
        SessionDefaults.Clear();
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name)
    {
        var ctx = s_context;
        if (ctx is null || name.Name is null) return null;
        // Only the engine is resolved by hand; everything it needs loads inside its own context.
        if (!name.Name.Equals("ConnectOps.Engine", StringComparison.Ordinal)) return null;
        return ctx.LoadFromAssemblyName(name);
    }
}
