namespace ConnectOps.Engine.Config;

/// <summary>
/// A value of the neutral config tree: a <see cref="ConfigMap"/>, a <see cref="ConfigList"/> or a
/// <see cref="ConfigScalar"/>. The host builds the tree from its own syntax (a .psd1 AST); the engine
/// binds it to the typed model. Every node keeps its source position for error messages.
/// </summary>
public abstract class ConfigNode
{
    private protected ConfigNode(SourcePosition position) => Position = position;

    public SourcePosition Position { get; }

    /// <summary>A short noun for messages: "a hashtable", "a list", "a string", "a number" …</summary>
    public abstract string Describe();
}
