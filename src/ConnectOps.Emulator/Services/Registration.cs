using ConnectOps.Emulator.Aws;
using ConnectOps.Emulator.Connect;
using ConnectOps.Emulator.Hosting;

namespace ConnectOps.Emulator.Services;

/// <summary>Every service the emulator serves, registered once per emulator.</summary>
internal static class Registration
{
    public static HandlerRegistry CreateRegistry()
    {
        var registry = new HandlerRegistry();
        ConnectService.Register(registry);
        IamService.Register(registry);
        LogsService.Register(registry);
        StsService.Register(registry);
        SecretsManagerService.Register(registry);
        return registry;
    }
}
