using System.Text.Json.Nodes;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Framework;

internal enum AssociationMode
{
    /// <summary>Adds items; an item already present is replaced, or refused when <see cref="AssociationSpec.ConflictError"/> is set.</summary>
    Add,

    /// <summary>Removes items; an item not present is refused with <see cref="AssociationSpec.MissingError"/> when set.</summary>
    Remove,

    /// <summary>Changes items that are already present (same key); others are refused.</summary>
    Update,
}

/// <summary>
/// One associate / disassociate / update operation on a collection kept in an owner record: queue quick connects,
/// routing-profile queues, the instance's Lambda functions and Lex bots.
/// </summary>
internal sealed record AssociationSpec(
    string Operation,
    AssociationMode Mode,
    Func<ConnectContext, Resource> Owner,
    string Collection,
    Func<ApiCall, IEnumerable<JsonNode>> Items,
    Func<JsonNode, string> Key)
{
    /// <summary>Where, inside one item, a reference to another resource sits ("" for an item that is itself an id).</summary>
    public Reference? ItemReference { get; init; }

    public string? ConflictError { get; init; }

    public string? MissingError { get; init; } = "ResourceNotFoundException";

    /// <summary>Maximum items the collection may hold (a per-parent quota), with the noun for the message.</summary>
    public (int Limit, string Noun)? Capacity { get; init; }

    public static Func<ApiCall, IEnumerable<JsonNode>> ListMember(string member) =>
        call => call.GetArray(member)?.Where(i => i is not null).Select(i => i!) ?? [];
}

/// <summary>A paged List* over a collection kept in an owner record, projected per item.</summary>
internal sealed record CollectionListSpec(
    string Operation,
    Func<ConnectContext, Resource> Owner,
    string Collection,
    string OutputMember,
    Func<ConnectContext, JsonNode, JsonNode?> Project)
{
    public Func<ApiCall, JsonNode, bool>? Filter { get; init; }
}

/// <summary>The generic handlers behind every <see cref="AssociationSpec"/> and <see cref="CollectionListSpec"/>.</summary>
internal static class Associations
{
    public static void Register(HandlerRegistry registry, ResourceCatalog catalog, AssociationSpec spec) =>
        registry.Add(ServiceModels.Connect, spec.Operation, call => Apply(new ConnectContext(call, catalog), spec));

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog, CollectionListSpec spec) =>
        registry.Add(ServiceModels.Connect, spec.Operation, call => List(new ConnectContext(call, catalog), spec));

    /// <summary>The owner is the resource the call's id label names.</summary>
    public static Func<ConnectContext, Resource> OwnerOfKind(string kind) =>
        ctx => ResourceHandlers.Target(ctx, ctx.Catalog[kind]);

    /// <summary>The owner is the instance record itself.</summary>
    public static Resource InstanceOwner(ConnectContext ctx) => ctx.Instance.Record;

    private static JsonObject Apply(ConnectContext ctx, AssociationSpec spec)
    {
        var owner = spec.Owner(ctx);
        var collection = owner.Data[spec.Collection] as JsonArray ?? [];
        var items = collection.Where(i => i is not null).Select(i => i!.DeepClone()).ToList();
        foreach (var item in spec.Items(ctx.Call))
        {
            var key = spec.Key(item);
            var index = items.FindIndex(existing => spec.Key(existing) == key);
            switch (spec.Mode)
            {
                case AssociationMode.Add:
                    if (spec.ItemReference is { } reference)
                    {
                        foreach (var target in ReferencedIds(item, reference.Path))
                        {
                            if (!ctx.Exists(reference.Kind, target))
                            {
                                throw ApiException.NotFound($"{ctx.Catalog[reference.Kind].Noun} {target} was not found.");
                            }
                        }
                    }

                    if (index >= 0 && spec.ConflictError is { } conflict)
                    {
                        throw new ApiException(conflict, $"{key} is already associated.");
                    }

                    if (index >= 0)
                    {
                        items[index] = item.DeepClone();
                    }
                    else
                    {
                        items.Add(item.DeepClone());
                    }

                    break;
                case AssociationMode.Remove:
                case AssociationMode.Update:
                    if (index < 0)
                    {
                        if (spec.MissingError is { } missing)
                        {
                            throw new ApiException(missing, $"{key} is not associated.");
                        }

                        continue;
                    }

                    if (spec.Mode == AssociationMode.Remove)
                    {
                        items.RemoveAt(index);
                    }
                    else
                    {
                        items[index] = item.DeepClone();
                    }

                    break;
            }
        }

        if (spec.Capacity is { } capacity && items.Count > capacity.Limit && ctx.Call.Config.Current.ResourceQuotasOn)
        {
            throw ApiException.QuotaExceeded($"The quota of {capacity.Limit} {capacity.Noun} has been reached.");
        }

        owner.Data[spec.Collection] = new JsonArray(items.ToArray());
        ctx.Stamp(owner.Data);
        return new JsonObject();
    }

    private static JsonObject List(ConnectContext ctx, CollectionListSpec spec)
    {
        var owner = spec.Owner(ctx);
        var items = (owner.Data[spec.Collection] as JsonArray ?? [])
            .Where(i => i is not null && (spec.Filter?.Invoke(ctx.Call, i) ?? true))
            .Select(i => i!)
            .ToList();
        var (page, next) = Paging.Page(ctx.Call, items);
        return new JsonObject
        {
            [spec.OutputMember] = new JsonArray(page.Select(i => spec.Project(ctx, i)).Where(p => p is not null).ToArray()),
            ["NextToken"] = next,
            ["LastModifiedTime"] = owner.Data["LastModifiedTime"]?.DeepClone(),
            ["LastModifiedRegion"] = owner.Data["LastModifiedRegion"]?.DeepClone(),
        };
    }

    private static IEnumerable<string> ReferencedIds(JsonNode item, string path) =>
        path.Length == 0 ? RecordPath.Text(item) is { } s ? [s] : [] : RecordPath.Strings(item, path);
}
