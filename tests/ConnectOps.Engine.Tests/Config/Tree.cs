using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Tests.Config;

/// <summary>Builds config trees in code (the .psd1 reader lives in the host; its tests are in ConnectOps.Tests).</summary>
internal static class Tree
{
    private static int s_line;

    private static SourcePosition Next() => new("test.psd1", ++s_line, 1);

    public static ConfigMap Map(params (string Key, object? Value)[] entries) =>
        new(Next(), entries.Select(e => new ConfigMapEntry(e.Key, Next(), Node(e.Value))));

    public static ConfigList List(params object?[] items) => new(Next(), items.Select(Node));

    public static ConfigNode Node(object? value) => value switch
    {
        ConfigNode n => n,
        null => ConfigScalar.Null(Next()),
        string s => ConfigScalar.String(Next(), s),
        int i => ConfigScalar.Integer(Next(), i),
        long l => ConfigScalar.Integer(Next(), l),
        double d => ConfigScalar.Double(Next(), d),
        bool b => ConfigScalar.Boolean(Next(), b),
        _ => throw new ArgumentException(value.GetType().Name),
    };

    public static ConfigMap MinimalConfig(params (string Key, object? Value)[] extra) => Map(
        [("Instance", Map(("Alias", "cc"), ("IdentityManagementType", "CONNECT_MANAGED"), ("InboundCallsEnabled", true), ("OutboundCallsEnabled", true))), .. extra]);
}
