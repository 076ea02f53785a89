namespace ConnectOps.Hosting;

/// <summary>
/// The session's defaults from Set-ConnectDefault (as AWS Tools' Set-DefaultAWSRegion keeps a default Region):
/// every ConnectOps cmdlet uses them for parameters it was not given. Process-wide, cleared when the module is removed.
/// </summary>
internal static class SessionDefaults
{
    private static volatile ConnectOps.Commands.ConnectDefaultSettings? s_current;

    public static ConnectOps.Commands.ConnectDefaultSettings? Current
    {
        get => s_current;
        set => s_current = value;
    }

    public static void Clear() => s_current = null;
}
