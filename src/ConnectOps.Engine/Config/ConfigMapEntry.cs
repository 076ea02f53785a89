namespace ConnectOps.Engine.Config;

/// <summary>One key of a <see cref="ConfigMap"/>, with the key's own position.</summary>
public sealed record ConfigMapEntry(string Key, SourcePosition KeyPosition, ConfigNode Value);
