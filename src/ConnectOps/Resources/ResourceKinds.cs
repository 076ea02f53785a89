using System.Management.Automation;
using System.Reflection;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Imperative;

namespace ConnectOps.Resources;

/// <summary>What a resource cmdlet works on, from its own name: New-ConnectQueue edits Queues with a New.</summary>
internal static class ResourceKinds
{
    public static (string Verb, string Noun) NameOf(Type cmdlet) =>
        cmdlet.GetCustomAttribute<CmdletAttribute>() is { } a ? (a.VerbName, a.NounName) : throw new InvalidOperationException($"{cmdlet.Name} has no [Cmdlet].");

    public static Component ComponentOf(Type cmdlet)
    {
        var noun = NameOf(cmdlet).Noun;
        foreach (var component in Enum.GetValues<Component>())
        {
            if (Nouns.Cmdlet(component).Equals(noun, StringComparison.OrdinalIgnoreCase)) return component;
        }
        throw new InvalidOperationException($"No component has the cmdlet noun {noun}.");
    }

    public static EditKind KindOf(Type cmdlet) => NameOf(cmdlet).Verb switch
    {
        VerbsCommon.New or VerbsCommon.Add => EditKind.New,
        VerbsCommon.Set => EditKind.Set,
        VerbsCommon.Remove => EditKind.Remove,
        var verb => throw new InvalidOperationException($"{verb} is not an edit."),
    };
}
