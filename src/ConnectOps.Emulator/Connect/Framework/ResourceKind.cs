using System.Text.Json.Nodes;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>A member of one resource that refers to another resource (by id or ARN).</summary>
/// <param name="Path">Where the reference sits in the stored record (see <see cref="RecordPath"/>).</param>
/// <param name="Kind">The referenced kind's <see cref="ResourceKind.Name"/>.</param>
/// <param name="BlocksDelete">Whether the reference makes deleting the target a ResourceInUseException.</param>
internal sealed record Reference(string Path, string Kind, bool BlocksDelete = true);

/// <summary>
/// What one Update operation sets. Members are input member names, optionally "Input>Stored" when the record
/// keeps the value under another name. With <see cref="ClearAbsent"/>, members absent from the input are removed.
/// </summary>
internal sealed record UpdateFacet(string[] Members, bool ClearAbsent = false)
{
    public static UpdateFacet Of(params string[] members) => new(members);

    public static UpdateFacet Replacing(params string[] members) => new(members, ClearAbsent: true);
}

/// <summary>
/// The data description of one Connect resource kind: identity and ARN format, operation names, which members the
/// create stores and which update sets what, references, quota, list filters and search fields. The generic handlers
/// in <see cref="ResourceHandlers"/> serve every kind from this; a kind overrides a hook only where the service
/// behaves differently.
/// </summary>
internal abstract class ResourceKind
{
    private static readonly IReadOnlyDictionary<string, string> NoMap = new Dictionary<string, string>();

    /// <summary>Internal name, used by references: queue, routing-profile, user …</summary>
    public string Name { get; protected init; } = string.Empty;

    /// <summary>The ARN path segment after the instance: queue, operating-hours, transfer-destination, agent …</summary>
    public string ArnSegment { get; protected init; } = string.Empty;

    /// <summary>How messages name the kind: "Queue", "Hours of operation".</summary>
    public string Noun { get; protected init; } = string.Empty;

    /// <summary>The value ResourceInUseException carries as ResourceType when this kind blocks a delete.</summary>
    public string ResourceType { get; protected init; } = string.Empty;

    public string NameMember { get; protected init; } = "Name";

    public string? CreateOperation { get; protected init; }

    public string? DescribeOperation { get; protected init; }

    public string? DescribeMember { get; protected init; }

    public string? ListOperation { get; protected init; }

    public string? ListMember { get; protected init; }

    public string? SearchOperation { get; protected init; }

    public string? SearchMember { get; protected init; }

    public string? DeleteOperation { get; protected init; }

    /// <summary>Extra record members that repeat the id / ARN under the names the full shape uses (QueueId, QueueArn …).</summary>
    public string[] IdAliases { get; protected init; } = [];

    public string[] ArnAliases { get; protected init; } = [];

    /// <summary>Create input members that are never stored (secrets such as Password).</summary>
    public string[] NotStored { get; protected init; } = [];

    public IReadOnlyDictionary<string, UpdateFacet> Updates { get; protected init; } = new Dictionary<string, UpdateFacet>();

    public IReadOnlyList<Reference> References { get; protected init; } = [];

    /// <summary>Default per-instance quota (connect-api-notes §5); null when unlimited.</summary>
    public int? Quota { get; protected init; }

    /// <summary>List operation query members that filter (QueueTypes) to the record member they test (QueueType).</summary>
    public IReadOnlyDictionary<string, string> ListFilters { get; protected init; } = NoMap;

    /// <summary>StringCondition FieldName (lower case) to record path.</summary>
    public IReadOnlyDictionary<string, string> SearchFields { get; protected init; } = NoMap;

    /// <summary>Enum leaf conditions of the SearchCriteria (QueueTypeCondition) to the record member they test.</summary>
    public IReadOnlyDictionary<string, string> SearchConditions { get; protected init; } = NoMap;

    /// <summary>Associate / disassociate / update operations on collections this kind owns.</summary>
    public IReadOnlyList<AssociationSpec> AssociationOperations { get; protected init; } = [];

    /// <summary>Paged List* operations over collections this kind owns.</summary>
    public IReadOnlyList<CollectionListSpec> CollectionLists { get; protected init; } = [];

    /// <summary>Sets defaults, validates, and makes side effects before a new resource is stored.</summary>
    public virtual void OnCreate(ConnectContext ctx, Resource resource)
    {
    }

    /// <summary>Validates or completes an update; <paramref name="draft"/> replaces the record when this returns.</summary>
    public virtual void OnUpdate(ConnectContext ctx, Resource resource, JsonObject draft, string operation)
    {
    }

    public virtual void OnDescribe(ConnectContext ctx, Resource resource, string? qualifier)
    {
    }

    public virtual void OnDelete(ConnectContext ctx, Resource resource)
    {
    }

    /// <summary>The record as outputs see it; kinds add computed members (counts, paths) here.</summary>
    public virtual JsonObject View(ConnectContext ctx, Resource resource) => resource.Data;

    public virtual bool CountsTowardQuota(Resource resource) => true;

    public virtual string? NameOf(Resource resource) => RecordPath.Text(resource.Data[NameMember]);

    /// <summary>A type-specific SearchCriteria leaf the generic engine does not know (HierarchyGroupCondition …).</summary>
    public virtual bool? MatchCondition(ConnectContext ctx, JsonObject view, string condition, JsonNode value) => null;

    public override string ToString() => Name;
}
