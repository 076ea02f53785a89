using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Config;

/// <summary>
/// The names declared per component, case-insensitively (addresses compare keys case-insensitively, so two
/// names differing only in case would be one address). A second declaration is a DuplicateName error.
/// </summary>
internal sealed class NameRegistry(BindContext ctx)
{
    private readonly Dictionary<(Component, string Scope), Dictionary<string, SourcePosition>> _names = [];

    /// <summary>Registers <paramref name="name"/>; false (and an error) when it is already taken.</summary>
    public bool Declare(Component component, string name, SourcePosition position, string keyPath, string label, string scope = "")
    {
        var names = Names(component, scope);
        if (names.TryGetValue(name, out var first))
        {
            ctx.Error(ConfigErrorCodes.DuplicateName,
                $"{label} '{name}' is declared twice (first at line {first.Line}, column {first.Column}); names are case-insensitive. Rename or remove one.",
                position, keyPath);
            return false;
        }
        names.Add(name, position);
        return true;
    }

    public bool Contains(Component component, string name, string scope = "") => Names(component, scope).ContainsKey(name);

    public IEnumerable<string> All(Component component, string scope = "") => Names(component, scope).Keys;

    private Dictionary<string, SourcePosition> Names(Component component, string scope)
    {
        if (!_names.TryGetValue((component, scope), out var names))
        {
            names = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
            _names.Add((component, scope), names);
        }
        return names;
    }
}
