using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.ContactFlows;

/// <summary>
/// Contact flows of every type, from a flow file or inline content (see FlowDocument for the wrappers people
/// export), SAVED or PUBLISHED. Content keeps its <c>${Component/Key}</c> placeholders in config and state; they
/// resolve to ARNs and ids when a call is made, and each is a dependency edge. Flows that name each other (or
/// themselves), or a phone number that routes to them, are created with a SAVED stand-in and filled in after the
/// graph walk (soft dependencies, see CycleBreaker). Content compares as JSON (key order, whitespace) in key
/// space (FlowContent.ToKeySpace). Facets: content and status (UpdateContactFlowContent; without ":$SAVED" it
/// publishes), description (UpdateContactFlowName), state (UpdateContactFlowMetadata), tags; a new Type is a new
/// flow. Read with SearchContactFlows: 100 full flows, content included, a page.
/// </summary>
public sealed class ContactFlowReconciler : Reconciler
{
    private const string ContentFacet = "Content";
    private const string NameFacet = "Name";
    private const string MetadataFacet = "Metadata";
    private const string TypeFacet = "Type";
    private const string Saved = "SAVED";
    private const string Published = "PUBLISHED";

    /// <summary>What a flow in a reference cycle holds until the flows it names exist: it only disconnects.</summary>
    internal const string StandInContent =
        "{\"Version\":\"2019-10-30\",\"StartAction\":\"connectops-stand-in\"," +
        "\"Metadata\":{\"connectops\":\"stand-in: the real content follows in the same apply\"}," +
        "\"Actions\":[{\"Identifier\":\"connectops-stand-in\",\"Type\":\"DisconnectParticipant\",\"Parameters\":{},\"Transitions\":{}}]}";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Type") { Facet = TypeFacet, ForcesReplacement = true, ReplaceReason = "a flow's Type cannot change: a flow of the new type replaces it" },
        new("Description") { Facet = NameFacet },
        new("State") { Facet = MetadataFacet },
        new("Content") { Facet = ContentFacet },
        new("Status") { Facet = ContentFacet },
        ConnectTags.Property,
    ];

    public override Component Component => Component.ContactFlows;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    public override string? RenameFacet => NameFacet;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.ContactFlows.Select(f =>
        {
            var flow = FlowDocument.FlowOf(f.Content) ?? new JsonObject();
            return new DesiredResource
            {
                Address = f.Address,
                Name = f.Name,
                Spec = f,
                DependsOn = [ResourceAddress.Instance],
                // Every resource a placeholder names must exist first, unless it (transitively) needs this flow.
                SoftDependsOn = FlowContent.References(f.Content).Where(a => IsManaged(config, a)).ToList(),
                DeferWhenCyclic = ["Content", "Status"],
                Properties = new JsonObject
                {
                    ["Type"] = EnumWire.ToWire(f.Type),
                    ["Description"] = f.Description ?? "",
                    ["State"] = "ACTIVE",
                    ["Content"] = FlowContent.Canonical(flow, config),
                    ["Status"] = EnumWire.ToWire(f.Status),
                    ["Tags"] = TagsNode(config, f.Tags),
                },
            };
        });

    /// <summary>Declared in this config (built-ins and the instance exist before anything else).</summary>
    private static bool IsManaged(ConnectConfig config, ResourceAddress address) =>
        !ResourceAddress.IsSingleton(address.Component) && config.AllResources().Any(r => r.Address.Equals(address));

    public override JsonObject Comparable(ReconcileContext context, JsonObject properties)
    {
        if (properties["Content"] is not JsonObject content) return properties;
        var copy = (JsonObject)properties.DeepClone();
        copy["Content"] = FlowContent.ToKeySpace(content, context);
        return copy;
    }

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new SearchContactFlowsRequest { InstanceId = context.RequireInstanceId(), MaxResults = 100 };
        await foreach (var f in context.Aws.Connect.Paginators.SearchContactFlows(request).ContactFlows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LiveResource
            {
                Id = f.Id!,
                Arn = f.Arn,
                Name = f.Name ?? "",
                IsDefault = BuiltInResources.ContactFlows.Contains(f.Name ?? ""),
                Properties = new JsonObject
                {
                    ["Type"] = f.Type,
                    ["Description"] = f.Description ?? "",
                    ["State"] = f.State ?? "ACTIVE",
                    ["Content"] = ParseContent(f.Content),
                    ["Status"] = f.Status ?? Published,
                    ["Tags"] = ConnectTags.ToNode(f.Tags),
                },
            });
        }
        return result;
    }

    private static JsonNode? ParseContent(string? content)
    {
        if (string.IsNullOrEmpty(content)) return null;
        try
        {
            return JsonNode.Parse(content) ?? JsonValue.Create(content);
        }
        catch (JsonException)
        {
            return JsonValue.Create(content);
        }
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        // In a reference cycle: a SAVED stand-in now, the real content (and its status) once the others exist.
        var standIn = desired.DeferredProperties.Contains("Content");
        var content = standIn ? JsonNode.Parse(StandInContent)!.AsObject() : (JsonObject)p["Content"]!;
        var status = standIn ? Saved : Str(p, "Status") ?? Published;
        var response = await context.Aws.Connect.CreateContactFlowAsync(new CreateContactFlowRequest
        {
            InstanceId = context.RequireInstanceId(),
            Name = desired.Name,
            Type = Str(p, "Type"),
            Description = string.IsNullOrEmpty(Str(p, "Description")) ? null : Str(p, "Description"),
            Content = standIn ? StandInContent : FlowContent.Resolve(content, context),
            Status = status,
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        var live = (JsonObject)p.DeepClone();
        live["Content"] = content.DeepClone();
        live["Status"] = status;
        return new LiveResource { Id = response.ContactFlowId!, Arn = response.ContactFlowArn, Name = desired.Name, Properties = live };
    }

    public override async Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        var connect = context.Aws.Connect;
        switch (facet)
        {
            case ContentFacet:
                var status = Str(p, "Status") ?? Published;
                if (status == Saved && Str(live ?? [], "Status") == Published)
                {
                    throw new ReconcileException(
                        $"{desired.Address} is published in Amazon Connect and a published flow cannot go back to SAVED. Set Status = 'PUBLISHED', " +
                        "or remove the flow from the config, apply, and add it back to create it as SAVED.");
                }
                // Without the ":$SAVED" qualifier the content is saved and published; with it, only saved.
                await connect.UpdateContactFlowContentAsync(new UpdateContactFlowContentRequest
                {
                    InstanceId = instanceId,
                    ContactFlowId = status == Saved ? id + ":$SAVED" : id,
                    Content = FlowContent.Resolve((JsonObject)p["Content"]!, context),
                }, cancellationToken).ConfigureAwait(false);
                break;
            case NameFacet:
                await connect.UpdateContactFlowNameAsync(new UpdateContactFlowNameRequest
                {
                    InstanceId = instanceId, ContactFlowId = id, Name = desired.Name, Description = Str(p, "Description") ?? "",
                }, cancellationToken).ConfigureAwait(false);
                break;
            case MetadataFacet:
                await connect.UpdateContactFlowMetadataAsync(new UpdateContactFlowMetadataRequest
                {
                    InstanceId = instanceId, ContactFlowId = id, ContactFlowState = Str(p, "State") ?? "ACTIVE",
                }, cancellationToken).ConfigureAwait(false);
                break;
            case TypeFacet:
                // Only reachable when adopting a same-named flow of another type.
                throw new ReconcileException(
                    $"A flow named '{desired.Name}' already exists with Type {Str(live ?? [], "Type")}, not {Str(p, "Type")}; a flow's type cannot change. " +
                    "Rename one of them, or delete the existing flow.");
            case ConnectTags.Facet:
                await ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"ContactFlows has no facet '{facet}'.");
        }
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteContactFlowAsync(new DeleteContactFlowRequest { InstanceId = context.RequireInstanceId(), ContactFlowId = id }, cancellationToken);
}
