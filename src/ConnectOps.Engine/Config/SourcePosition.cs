namespace ConnectOps.Engine.Config;

/// <summary>Where a config value came from: file, 1-based line and 1-based column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
