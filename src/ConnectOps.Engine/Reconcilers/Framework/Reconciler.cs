using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// One component's behaviour: what the config wants (<see cref="Desired"/>), what AWS has
/// (<see cref="ReadAsync"/>, bulk), and the calls that close the gap. The planner and the executor are
/// shared; a reconciler only supplies data (its <see cref="Properties"/>) and the calls.
/// </summary>
public abstract class Reconciler
{
    public abstract Component Component { get; }

    /// <summary>The managed properties, in the order their update calls are made.</summary>
    public abstract IReadOnlyList<PropertySpec> Properties { get; }

    /// <summary>True for components that live inside the Connect instance (and so need it first).</summary>
    public virtual bool InsideInstance => true;

    public abstract IEnumerable<DesiredResource> Desired(ConnectConfig config);

    /// <summary>
    /// Every live resource of the component, with as few calls as the API allows (Search/List pages, never
    /// one Describe per resource). Called only when the instance exists (for inside-instance components).
    /// </summary>
    public abstract Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken);

    /// <summary>Creates the resource with every non-deferred property; returns it as AWS now has it.</summary>
    public abstract Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken);

    /// <summary>Makes exactly one call (or one batch of calls) that brings <paramref name="facet"/> to the desired value.</summary>
    public abstract Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken);

    public abstract Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken);

    /// <summary>Looks one resource up by name, for adoption after a create whose response was lost.</summary>
    public virtual async Task<LiveResource?> FindByNameAsync(ReconcileContext context, string name, CancellationToken cancellationToken)
    {
        var all = await ReadAsync(context, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The facet whose update call also sets the resource's name, for components that name a resource by its config
    /// key and do not manage "Name" as a property: a resource renamed outside ConnectOps (in the console) is renamed
    /// back in place. Null: the name is a managed property already, or the API cannot change it.
    /// </summary>
    public virtual string? RenameFacet => null;

    /// <summary>
    /// What stays the same when a resource's key is edited in config (for a user, the email): pairs a new
    /// declaration with the state entry it replaces, so the plan shows one Replace (with the reason) instead
    /// of an unrelated Delete and Create. Null: the component does not pair renames.
    /// </summary>
    public virtual string? RenameIdentity(JsonObject properties) => null;

    /// <summary>
    /// A Replace destroys something that cannot be recreated as it was (a user and their history): apply
    /// refuses it unless AllowDestroy names the component. Deletes of resources removed from the config are
    /// not affected.
    /// </summary>
    public virtual bool ReplaceNeedsAllowDestroy => false;

    /// <summary>
    /// The properties in the form the planner compares, applied to the desired and the (translated) live side
    /// alike: e.g. a flow's content with the instance's ARNs and ids turned back into key placeholders, so the
    /// same flow written with placeholders or with literal ARNs compares equal. Default: as they are.
    /// </summary>
    public virtual JsonObject Comparable(ReconcileContext context, JsonObject properties) => properties;

    /// <summary>
    /// Live properties recorded in state when the config leaves them open (the number a claim got): outputs read
    /// them from state without calling AWS.
    /// </summary>
    public virtual IReadOnlyList<string> KeepInState => [];

    public PropertySpec? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The global tags with the resource's own laid over them, as a property value.</summary>
    protected static JsonObject TagsNode(ConnectConfig config, TagSet own)
    {
        var merged = config.Tags.Merge(own);
        var node = new JsonObject();
        foreach (var (k, v) in merged) node[k] = v;
        return node;
    }

    protected static string? Str(JsonObject o, string name) => JsonValues.AsString(o[name]);

    protected static long? Long(JsonObject o, string name) => JsonValues.AsLong(o[name]);

    protected static bool? Bool(JsonObject o, string name) => JsonValues.AsBool(o[name]);
}
