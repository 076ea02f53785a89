namespace ConnectOps.Engine.Config;

/// <summary>An ordered list of values (<c>@( … )</c> or a comma list).</summary>
public sealed class ConfigList : ConfigNode
{
    public ConfigList(SourcePosition position, IEnumerable<ConfigNode> items) : base(position) => Items = items.ToList();

    public IReadOnlyList<ConfigNode> Items { get; }

    public override string Describe() => "a list";
}
