using System.Diagnostics.CodeAnalysis;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Addressing;

/// <summary>Component names as users type them (-Component, AllowDestroy, addresses): case-insensitive.</summary>
public static class ComponentNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetNames<Component>();

    public static bool TryParse(string? text, out Component component, [NotNullWhen(false)] out string? error)
    {
        component = default;
        if (!string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out component) &&
            Enum.IsDefined(component))
        {
            error = null;
            return true;
        }
        var suggestion = NearestName.Find(text ?? "", All);
        error = $"'{text}' is not a component." +
                (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
                $" Components: {string.Join(", ", All)}.";
        return false;
    }
}
