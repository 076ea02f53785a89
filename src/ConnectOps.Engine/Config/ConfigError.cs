namespace ConnectOps.Engine.Config;

/// <summary>
/// One problem with a config: a stable <see cref="Code"/> (see <see cref="ConfigErrorCodes"/>), a message
/// that says what to do, the source position (null only when there is no file position at all, e.g. the
/// file is missing) and the key path (<c>Queues[2].MaxContacts</c>).
/// </summary>
public sealed record ConfigError(string Code, string Message, SourcePosition? Position, string KeyPath)
{
    public override string ToString() =>
        Position is { } p ? $"{p}: {Message} [{Code}]" : $"{Message} [{Code}]";
}
