using System.Text.Json.Nodes;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>
/// The generic Create / Describe / List / Search / Update* / Delete handlers, registered for every kind from its
/// data description. No kind has its own copy of these.
/// </summary>
internal static class ResourceHandlers
{
    private static readonly HashSet<string> NeverStored = new(StringComparer.Ordinal) { "InstanceId", "ClientToken" };

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog, ResourceKind kind)
    {
        var model = ServiceModels.Connect;
        if (kind.CreateOperation is { } create)
        {
            registry.Add(model, create, call => Create(new ConnectContext(call, catalog), kind));
        }

        if (kind.DescribeOperation is { } describe)
        {
            registry.Add(model, describe, call => Describe(new ConnectContext(call, catalog), kind));
        }

        if (kind.ListOperation is { } list)
        {
            registry.Add(model, list, call => List(new ConnectContext(call, catalog), kind));
        }

        if (kind.SearchOperation is { } search)
        {
            registry.Add(model, search, call => Search(new ConnectContext(call, catalog), kind));
        }

        foreach (var (operation, facet) in kind.Updates)
        {
            registry.Add(model, operation, call => Update(new ConnectContext(call, catalog), kind, facet));
        }

        if (kind.DeleteOperation is { } delete)
        {
            registry.Add(model, delete, call => Delete(new ConnectContext(call, catalog), kind));
        }

        foreach (var association in kind.AssociationOperations)
        {
            Associations.Register(registry, catalog, association);
        }

        foreach (var collection in kind.CollectionLists)
        {
            Associations.Register(registry, catalog, collection);
        }
    }

    /// <summary>The resource a call addresses: the URI label that is not InstanceId (QueueId, UserId …).</summary>
    public static Resource Target(ConnectContext ctx, ResourceKind kind) => ctx.Get(kind, TargetId(ctx.Call));

    public static string TargetId(ApiCall call)
    {
        var label = call.Operation.Input!.Members.Values
            .FirstOrDefault(m => m.Location == "uri" && m.Name != "InstanceId")
            ?? throw new InvalidOperationException($"{call.Operation.Name} has no resource id label.");
        return call.RequireString(label.Name);
    }

    private static JsonObject Create(ConnectContext ctx, ResourceKind kind)
    {
        var call = ctx.Call;
        _ = ctx.Instance;
        if (kind.Quota is { } quota)
        {
            ctx.CheckQuota(kind, quota);
        }

        var data = new JsonObject();
        foreach (var (member, value) in call.Input)
        {
            if (!NeverStored.Contains(member) && !kind.NotStored.Contains(member) && value is not null)
            {
                data[member] = value.DeepClone();
            }
        }

        EnsureUniqueName(ctx, kind, RecordPath.Text(data[kind.NameMember]), except: null);
        ctx.ValidateReferences(kind, data);
        var resource = ctx.Insert(kind, data);
        var output = new JsonObject();
        foreach (var (name, _) in call.Operation.Output?.Members ?? [])
        {
            if (name.EndsWith("Id", StringComparison.Ordinal))
            {
                output[name] = resource.Id;
            }
            else if (name.EndsWith("Arn", StringComparison.Ordinal) || name.EndsWith("ARN", StringComparison.Ordinal))
            {
                output[name] = resource.Arn;
            }
            else if (resource.Data[name] is { } value)
            {
                output[name] = value.DeepClone();
            }
        }

        return output;
    }

    private static JsonObject Describe(ConnectContext ctx, ResourceKind kind)
    {
        var raw = TargetId(ctx.Call);
        var resource = ctx.Get(kind, raw);
        kind.OnDescribe(ctx, resource, RecordPath.QualifierOf(raw));
        return new JsonObject { [kind.DescribeMember!] = kind.View(ctx, resource).DeepClone() };
    }

    private static JsonObject List(ConnectContext ctx, ResourceKind kind)
    {
        var items = ctx.All(kind).Where(r => PassesListFilters(ctx.Call, kind, r)).ToList();
        var (page, next) = Paging.Page(ctx.Call, items);
        return new JsonObject
        {
            [kind.ListMember!] = new JsonArray(page.Select(r => (JsonNode?)kind.View(ctx, r).DeepClone()).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static bool PassesListFilters(ApiCall call, ResourceKind kind, Resource resource)
    {
        foreach (var (member, field) in kind.ListFilters)
        {
            if (call.GetArray(member) is { Count: > 0 } allowed
                && !allowed.Select(RecordPath.Text).Contains(RecordPath.Text(resource.Data[field]), StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonObject Search(ConnectContext ctx, ResourceKind kind)
    {
        var criteria = ctx.Call.GetObject("SearchCriteria");
        var filter = ctx.Call.GetObject("SearchFilter");
        var matches = SearchEngine.Filter(ctx, kind, ctx.All(kind).Select(r => kind.View(ctx, r)), criteria, filter);
        var (page, next) = Paging.Page(ctx.Call, matches);
        return new JsonObject
        {
            [kind.SearchMember!] = new JsonArray(page.Select(v => (JsonNode?)v.DeepClone()).ToArray()),
            ["NextToken"] = next,
            ["ApproximateTotalCount"] = matches.Count,
        };
    }

    private static JsonObject Update(ConnectContext ctx, ResourceKind kind, UpdateFacet facet)
    {
        var resource = Target(ctx, kind);
        var draft = (JsonObject)resource.Data.DeepClone();
        foreach (var spec in facet.Members)
        {
            var arrow = spec.IndexOf('>', StringComparison.Ordinal);
            var inputName = arrow >= 0 ? spec[..arrow] : spec;
            var storedName = arrow >= 0 ? spec[(arrow + 1)..] : spec;
            if (ctx.Call.Input[inputName] is { } value)
            {
                draft[storedName] = value.DeepClone();
            }
            else if (facet.ClearAbsent)
            {
                draft.Remove(storedName);
            }
        }

        if (facet.Members.Contains(kind.NameMember))
        {
            EnsureUniqueName(ctx, kind, RecordPath.Text(draft[kind.NameMember]), except: resource);
        }

        ctx.ValidateReferences(kind, draft);
        kind.OnUpdate(ctx, resource, draft, ctx.Call.Operation.Name);
        ctx.Stamp(draft);
        resource.Data = draft;
        return new JsonObject();
    }

    private static JsonObject Delete(ConnectContext ctx, ResourceKind kind)
    {
        var resource = Target(ctx, kind);
        ctx.EnsureNotReferenced(kind, resource);
        kind.OnDelete(ctx, resource);
        ctx.Remove(kind, resource);
        return new JsonObject();
    }

    public static void EnsureUniqueName(ConnectContext ctx, ResourceKind kind, string? name, Resource? except)
    {
        if (name is null)
        {
            return;
        }

        if (ctx.All(kind).Any(r => r != except && string.Equals(kind.NameOf(r), name, StringComparison.Ordinal)))
        {
            throw ApiException.Duplicate($"{kind.Noun} with name '{name}' already exists in instance {ctx.Instance.Record.Id}.");
        }
    }
}
