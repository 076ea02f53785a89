using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectOps.Engine.Planning;

/// <summary>
/// Renders a plan as Terraform users read one: a block per change with its symbol (<c>+</c> create,
/// <c>~</c> update in-place, <c>-/+</c> replace, <c>-</c> destroy, <c>&lt;=</c> import), one line per
/// property (<c>~ MaxContacts: 100 -> 200</c>, <c>(forces replacement)</c>, <c>(sensitive)</c>), then a
/// summary line. Plain text, no colour: the host may colour it by the leading symbols.
/// </summary>
public static class PlanRenderer
{
    public const string NoChangesMessage = "No changes. Your contact centre matches the configuration.";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        var writes = plan.Changes.Where(c => c.IsWrite()).OrderBy(c => c.Address).ToList();
        var unmanaged = plan.Changes.Where(c => c.Unmanaged).OrderBy(c => c.Address).ToList();

        if (writes.Count == 0)
        {
            sb.Append(NoChangesMessage).Append('\n');
        }
        else
        {
            sb.Append("ConnectOps will perform the following actions:\n");
            foreach (var change in writes)
            {
                sb.Append('\n');
                RenderChange(change, sb);
            }
            sb.Append('\n');
        }
        if (unmanaged.Count > 0)
        {
            sb.Append(writes.Count == 0 ? "\n" : "").Append("Managed outside the config (created by cmdlets; not deleted):\n");
            foreach (var change in unmanaged) sb.Append("  ").Append(change.Address).Append('\n');
            sb.Append('\n');
        }
        foreach (var warning in plan.Warnings)
        {
            sb.Append("Warning: ").Append(warning.Address is null ? "" : $"{warning.Address}: ").Append(warning.Message).Append('\n');
        }
        if (writes.Count > 0) sb.Append(Summary(writes)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One change's block, as passed to ShouldProcess.</summary>
    public static string RenderChange(ResourceChange change)
    {
        var sb = new StringBuilder();
        RenderChange(change, sb);
        return sb.ToString();
    }

    /// <summary>"Plan: 2 to add, 1 to change, 0 to destroy." (plus ", N to import" when there are imports).</summary>
    public static string Summary(IEnumerable<ResourceChange> changes)
    {
        int add = 0, change = 0, destroy = 0, import = 0;
        foreach (var c in changes.Where(c => c.IsWrite()))
        {
            switch (c.Action)
            {
                case ChangeAction.Create: add++; break;
                case ChangeAction.Update: change++; break;
                case ChangeAction.Replace: add++; destroy++; break;
                case ChangeAction.Delete: destroy++; break;
                case ChangeAction.Import: import++; break;
            }
        }
        var text = string.Create(CultureInfo.InvariantCulture, $"Plan: {add} to add, {change} to change, {destroy} to destroy");
        return import > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text}, {import} to import.") : text + ".";
    }

    private static void RenderChange(ResourceChange change, StringBuilder sb)
    {
        var (symbol, verb) = change.Action switch
        {
            ChangeAction.Create => ("  +", "will be created"),
            ChangeAction.Update => ("  ~", "will be updated in-place"),
            ChangeAction.Replace => ("-/+", "must be replaced"),
            ChangeAction.Delete => ("  -", "will be destroyed"),
            ChangeAction.Import => (" <=", "will be imported (adopted as it is)"),
            ChangeAction.Read => (" <=", "will be read"),
            _ => ("   ", "is unchanged"),
        };
        sb.Append("  # ").Append(change.Address).Append(' ').Append(verb);
        if (change.Id is not null && change.Action != ChangeAction.Create) sb.Append(" (id ").Append(change.Id).Append(')');
        sb.Append('\n');
        if (change.Irreversible) sb.Append("  # (irreversible: this cannot be undone)\n");
        foreach (var reason in change.Reasons) sb.Append("  # (").Append(reason).Append(")\n");
        sb.Append(symbol).Append(' ').Append(change.Address).Append('\n');
        foreach (var diff in change.Diffs) RenderDiff(change.Action, diff, sb);
    }

    private static void RenderDiff(ChangeAction action, PropertyDiff diff, StringBuilder sb)
    {
        sb.Append("      ");
        string before = Value(diff.Before, diff.Sensitive), after = Value(diff.After, diff.Sensitive);
        if (action == ChangeAction.Create || (diff.Before is null && !diff.Sensitive && action != ChangeAction.Delete))
        {
            sb.Append("+ ").Append(diff.Path).Append(": ").Append(after);
        }
        else if (action == ChangeAction.Delete || (diff.After is null && !diff.Sensitive))
        {
            sb.Append("- ").Append(diff.Path).Append(": ").Append(before);
            if (action != ChangeAction.Delete) sb.Append(" -> null");
        }
        else
        {
            sb.Append("~ ").Append(diff.Path).Append(": ").Append(before).Append(" -> ").Append(after);
        }
        if (diff.ForcesReplacement) sb.Append(" (forces replacement)");
        sb.Append('\n');
    }

    /// <summary>A diff value as plans show it: compact JSON, "null", or "(sensitive)".</summary>
    public static string Value(JsonNode? node, bool sensitive) =>
        sensitive ? "(sensitive)" : node is null ? "null" : node.ToJsonString(Compact);
}
