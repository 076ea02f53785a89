using System.Text;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.State.Operations;

/// <summary>One resource as state records it, at its address.</summary>
public sealed record StateEntry(ResourceAddress Address, ResourceState Resource);

/// <summary>What a state edit wrote: the new serial, where, and the entries it moved, removed or added.</summary>
public sealed record StateEditResult(long Serial, string Location, IReadOnlyList<StateEntry> Entries);

/// <summary>A resource brought under management: its address, AWS id and ARN, and whether it differs from the config.</summary>
public sealed record ImportedResource(ResourceAddress Address, string Id, string? Arn, bool InConfig, int Differences);

/// <summary>What Import-ConnectResource wrote.</summary>
public sealed record ImportResult(long Serial, string Location, IReadOnlyList<ImportedResource> Imported);

public enum RefreshStatus
{
    /// <summary>AWS matches what state records.</summary>
    Unchanged,

    /// <summary>AWS differs from state (changed outside ConnectOps); a refresh takes the live values in.</summary>
    Changed,

    /// <summary>The resource is gone from AWS; a refresh drops the entry.</summary>
    Gone,

    /// <summary>Could not be compared (no reader for the component yet).</summary>
    Skipped,
}

/// <summary>One state entry compared with AWS: before = state, after = live.</summary>
public sealed record RefreshedResource(ResourceAddress Address, RefreshStatus Status, string? Id, ValueList<PropertyDiff> Diffs, string? Message = null);

/// <summary>What Sync-ConnectState found and (unless nothing changed) wrote.</summary>
public sealed record RefreshResult(long? Serial, string Location, IReadOnlyList<RefreshedResource> Resources)
{
    public int Changed => Resources.Count(r => r.Status == RefreshStatus.Changed);

    public int Gone => Resources.Count(r => r.Status == RefreshStatus.Gone);
}

/// <summary>
/// Drift: what AWS has that differs from state (changed outside ConnectOps, the <c>-RefreshOnly</c> view) and,
/// for Test-ConnectDrift, the changes an apply would make to bring AWS back to the config.
/// </summary>
public sealed record DriftReport(IReadOnlyList<RefreshedResource> OutsideChanges, IReadOnlyList<ResourceChange> ConfigChanges)
{
    public bool HasDrift => OutsideChanges.Any(r => r.Status is RefreshStatus.Changed or RefreshStatus.Gone) || ConfigChanges.Count > 0;

    /// <summary>Terraform's refresh-only wording: what changed outside, and what an apply would do.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        var outside = OutsideChanges.Where(r => r.Status is RefreshStatus.Changed or RefreshStatus.Gone).ToList();
        if (outside.Count == 0 && ConfigChanges.Count == 0)
        {
            sb.Append("No changes. AWS matches the state.\n");
            return sb.ToString();
        }
        if (outside.Count > 0)
        {
            sb.Append("Objects have changed outside of ConnectOps:\n");
            foreach (var r in outside)
            {
                sb.Append('\n');
                if (r.Status == RefreshStatus.Gone)
                {
                    sb.Append("  # ").Append(r.Address).Append(" has been deleted (id ").Append(r.Id).Append(")\n");
                    continue;
                }
                sb.Append("  # ").Append(r.Address).Append(" has changed\n");
                foreach (var d in r.Diffs)
                {
                    sb.Append("    ~ ").Append(d.Path).Append(": ");
                    if (d.Sensitive) sb.Append("(sensitive)");
                    else sb.Append(JsonValues.Display(d.Before) ?? "null").Append(" -> ").Append(JsonValues.Display(d.After) ?? "null");
                    sb.Append('\n');
                }
            }
            sb.Append("\nSync-ConnectState takes these into state (entries of deleted resources are dropped).\n");
        }
        if (ConfigChanges.Count > 0)
        {
            sb.Append(outside.Count > 0 ? "\n" : "").Append("AWS differs from the configuration; Invoke-ConnectApply would make these changes:\n");
            foreach (var c in ConfigChanges) sb.Append('\n').Append(PlanRenderer.RenderChange(c));
        }
        return sb.ToString();
    }

    public override string ToString() => Render();
}

/// <summary>What Restore-ConnectState wrote: the version it came from and the new serial.</summary>
public sealed record RestoreResult(string VersionId, long RestoredSerial, long Serial, string Location, int Resources);

/// <summary>What Move-ConnectState copied where.</summary>
public sealed record MigrationResult(string From, string To, Guid Lineage, long Serial, int Resources);
