using System.Text.Json.Nodes;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>A Connect call's view of the state: its Region, its instance, and lookups by kind that fail the AWS way.</summary>
internal sealed class ConnectContext
{
    private InstanceState? instance;

    public ConnectContext(ApiCall call, ResourceCatalog catalog)
    {
        Call = call;
        Catalog = catalog;
        Region = call.State.Region(call.Region);
    }

    public ApiCall Call { get; }

    public ResourceCatalog Catalog { get; }

    public RegionState Region { get; }

    /// <summary>The instance the call's InstanceId names (id or ARN); ResourceNotFoundException otherwise.</summary>
    public InstanceState Instance => instance ??= FindInstance(Call.GetString("InstanceId")
        ?? throw ApiException.Validation(Call.Operation, "Value null at 'InstanceId' failed to satisfy constraint: Member must not be null"));

    public InstanceState FindInstance(string idOrArn) =>
        Region.Instances.TryGetValue(RecordPath.IdOf(idOrArn), out var found)
            ? found
            : throw ApiException.NotFound($"Instance {idOrArn} was not found in {Call.Region}.");

    public string InstanceArn(string instanceId) => $"arn:aws:connect:{Call.Region}:{Call.Account}:instance/{instanceId}";

    public double Now => Call.EpochSeconds;

    public IEnumerable<Resource> All(ResourceKind kind) => Instance.Of(kind.Name).Values.OrderBy(r => r.Seq);

    public IEnumerable<Resource> All(string kind) => All(Catalog[kind]);

    public Resource? Find(ResourceKind kind, string idOrArn) =>
        Instance.Of(kind.Name).TryGetValue(RecordPath.IdOf(idOrArn), out var found) ? found : null;

    public Resource Get(ResourceKind kind, string idOrArn) =>
        Find(kind, idOrArn) ?? throw ApiException.NotFound($"{kind.Noun} {idOrArn} was not found in instance {Instance.Record.Id}.");

    public Resource Get(string kind, string idOrArn) => Get(Catalog[kind], idOrArn);

    /// <summary>Whether a reference target exists: phone numbers live in the Region, everything else in the instance.</summary>
    public bool Exists(string kind, string idOrArn) => kind == PhoneNumberIds.Kind
        ? Region.PhoneNumbers.ContainsKey(RecordPath.IdOf(idOrArn))
        : Find(Catalog[kind], idOrArn) is not null;

    /// <summary>Builds a new resource of <paramref name="kind"/> (id, ARN, aliases, timestamps), runs its create hook, stores it.</summary>
    public Resource Insert(ResourceKind kind, JsonObject data, string? arnSuffix = null, string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        var arn = $"{Instance.Record.Arn}/{kind.ArnSegment}/{arnSuffix ?? id}";
        var resource = new Resource { Id = id, Arn = arn, Seq = Call.State.NextSequence(), Data = data };
        data["Id"] = id;
        data["Arn"] = arn;
        foreach (var alias in kind.IdAliases)
        {
            data[alias] = id;
        }

        foreach (var alias in kind.ArnAliases)
        {
            data[alias] = arn;
        }

        Stamp(data);
        kind.OnCreate(this, resource);
        Instance.Of(kind.Name)[id] = resource;
        return resource;
    }

    public void Stamp(JsonObject data)
    {
        data["LastModifiedTime"] = Now;
        data["LastModifiedRegion"] = Call.Region;
    }

    public void Remove(ResourceKind kind, Resource resource) => Instance.Of(kind.Name).Remove(resource.Id);

    /// <summary>Every reference in <paramref name="data"/> must name an existing resource.</summary>
    public void ValidateReferences(ResourceKind kind, JsonObject data)
    {
        foreach (var reference in kind.References)
        {
            foreach (var target in RecordPath.Strings(data, reference.Path))
            {
                if (!Exists(reference.Kind, target))
                {
                    var noun = reference.Kind == PhoneNumberIds.Kind ? "Phone number" : Catalog[reference.Kind].Noun;
                    throw ApiException.NotFound($"{noun} {target} (referenced by {reference.Path.Replace("[]", string.Empty, StringComparison.Ordinal)}) was not found.");
                }
            }
        }
    }

    /// <summary>ResourceInUseException when any resource still refers to <paramref name="target"/> by a blocking reference.</summary>
    public void EnsureNotReferenced(ResourceKind targetKind, Resource target)
    {
        foreach (var kind in Catalog.Kinds)
        {
            foreach (var reference in kind.References.Where(r => r.Kind == targetKind.Name && r.BlocksDelete))
            {
                foreach (var holder in All(kind))
                {
                    if (RecordPath.Strings(holder.Data, reference.Path).Any(v => RecordPath.IdOf(v) == target.Id))
                    {
                        throw ApiException.InUse(
                            $"{targetKind.Noun} {target.Id} is in use by {kind.Noun.ToLowerInvariant()} {holder.Id} ({reference.Path.Replace("[]", string.Empty, StringComparison.Ordinal)}).",
                            kind.ResourceType,
                            holder.Arn);
                    }
                }
            }
        }
    }

    public void CheckQuota(ResourceKind kind, int quota, int adding = 1)
    {
        if (!Call.Config.Current.ResourceQuotasOn)
        {
            return;
        }

        var count = All(kind).Count(kind.CountsTowardQuota);
        if (count + adding > quota)
        {
            throw ApiException.QuotaExceeded($"The quota of {quota} {kind.Noun.ToLowerInvariant()} resources per instance has been reached.");
        }
    }
}

/// <summary>The reference kind name for claimed phone numbers (stored per Region, not per instance).</summary>
internal static class PhoneNumberIds
{
    public const string Kind = "phone-number";
}
