using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Tests.Config;

public sealed class EngineBoundaryTests
{
    [Fact]
    public void TheEngineDoesNotReferencePowerShell()
    {
        var references = typeof(ConfigBinder).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("System.Management.Automation", references);
    }
}
