using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.QuickConnects;

/// <summary>
/// Quick connects, addressed by their config map key (the Name is a property, so renaming one is an update):
/// QUEUE (queue + transfer flow), USER (user + transfer flow), PHONE_NUMBER (an E.164 number) and FLOW. The
/// transfer flow defaults to the instance's 'Default queue transfer' / 'Default agent transfer' (the config
/// binder fills it in). Facets: name and description (UpdateQuickConnectName), the destination
/// (UpdateQuickConnectConfig: one call for target and flow); a new Type cannot change in place and replaces
/// the quick connect. Read: SearchQuickConnects (100 full quick connects a page).
/// <para>The queue side — a queue's QuickConnects list — is the queue's deferred association, applied after
/// the walk: a QUEUE quick connect that targets the queue listing it is created after that queue, and the
/// queue's association follows once both exist, in the same run.</para>
/// </summary>
public sealed class QuickConnectReconciler : Reconciler
{
    private const string NameFacet = "Name";
    private const string ConfigFacet = "Config";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Name") { Facet = NameFacet },
        new("Description") { Facet = NameFacet },
        new("Type") { ForcesReplacement = true, ReplaceReason = "a quick connect's type cannot change in place" },
        new("Queue") { Facet = ConfigFacet, References = Component.Queues },
        new("User") { Facet = ConfigFacet, References = Component.Users },
        new("PhoneNumber") { Facet = ConfigFacet },
        new("ContactFlow") { Facet = ConfigFacet, References = Component.ContactFlows },
        ConnectTags.Property,
    ];

    public override Component Component => Component.QuickConnects;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchQuickConnects"),
        Write = [.. ComponentCalls.Connect("CreateQuickConnect UpdateQuickConnectName UpdateQuickConnectConfig"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteQuickConnect"),
    };

    public override ComponentCalls Calls => CallTable;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.QuickConnects.Select(q => new DesiredResource
        {
            Address = q.Address,
            Name = q.Name,
            Spec = q,
            DependsOn = Dependencies.Of(config,
                Dependencies.Ref(Component.Queues, q.Queue),
                Dependencies.Ref(Component.Users, q.User),
                Dependencies.Ref(Component.ContactFlows, q.ContactFlow)),
            // Only the members the type uses are managed (null = not part of this type's config).
            Properties = new JsonObject
            {
                ["Name"] = q.Name,
                ["Description"] = q.Description ?? "",
                ["Type"] = EnumWire.ToWire(q.Type),
                ["Queue"] = q.Queue,
                ["User"] = q.User,
                ["PhoneNumber"] = q.PhoneNumber,
                ["ContactFlow"] = q.ContactFlow,
                ["Tags"] = TagsNode(config, q.Tags),
            },
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new SearchQuickConnectsRequest { InstanceId = context.RequireInstanceId(), MaxResults = 100 };
        await foreach (var q in context.Aws.Connect.Paginators.SearchQuickConnects(request).QuickConnects.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var c = q.QuickConnectConfig;
            result.Add(new LiveResource
            {
                Id = q.QuickConnectId!,
                Arn = q.QuickConnectARN,
                Name = q.Name ?? "",
                Properties = new JsonObject
                {
                    ["Name"] = q.Name ?? "",
                    ["Description"] = q.Description ?? "",
                    ["Type"] = c?.QuickConnectType,
                    ["Queue"] = c?.QueueConfig?.QueueId,
                    ["User"] = c?.UserConfig?.UserId,
                    ["PhoneNumber"] = c?.PhoneConfig?.PhoneNumber,
                    ["ContactFlow"] = c?.QueueConfig?.ContactFlowId ?? c?.UserConfig?.ContactFlowId ?? c?.FlowConfig?.ContactFlowId,
                    ["Tags"] = ConnectTags.ToNode(q.Tags),
                },
            });
        }
        return result;
    }

    /// <summary>The destination for the type, with keys resolved to ids.</summary>
    private static QuickConnectConfig ConfigOf(ReconcileContext context, JsonObject p)
    {
        var type = Str(p, "Type");
        string? FlowId() => Str(p, "ContactFlow") is { Length: > 0 } flow ? context.IdOf(Component.ContactFlows, flow) : null;
        return type switch
        {
            Aws.Connect.Model.QuickConnectType.QUEUE => new QuickConnectConfig
            {
                QuickConnectType = type,
                QueueConfig = new QueueQuickConnectConfig { QueueId = context.IdOf(Component.Queues, Str(p, "Queue")!), ContactFlowId = FlowId() },
            },
            Aws.Connect.Model.QuickConnectType.USER => new QuickConnectConfig
            {
                QuickConnectType = type,
                UserConfig = new UserQuickConnectConfig { UserId = context.IdOf(Component.Users, Str(p, "User")!), ContactFlowId = FlowId() },
            },
            Aws.Connect.Model.QuickConnectType.PHONE_NUMBER => new QuickConnectConfig
            {
                QuickConnectType = type,
                PhoneConfig = new PhoneNumberQuickConnectConfig { PhoneNumber = Str(p, "PhoneNumber") },
            },
            Aws.Connect.Model.QuickConnectType.FLOW => new QuickConnectConfig
            {
                QuickConnectType = type,
                FlowConfig = new FlowQuickConnectConfig { ContactFlowId = FlowId() },
            },
            _ => throw new ReconcileException($"Quick connect type '{type}' is not one ConnectOps knows."),
        };
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var response = await context.Aws.Connect.CreateQuickConnectAsync(new CreateQuickConnectRequest
        {
            InstanceId = context.RequireInstanceId(),
            Name = desired.Name,
            Description = string.IsNullOrEmpty(Str(p, "Description")) ? null : Str(p, "Description"),
            QuickConnectConfig = ConfigOf(context, p),
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = response.QuickConnectId!, Arn = response.QuickConnectARN, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        return facet switch
        {
            NameFacet => context.Aws.Connect.UpdateQuickConnectNameAsync(new UpdateQuickConnectNameRequest
            {
                InstanceId = instanceId, QuickConnectId = id, Name = desired.Name, Description = Str(p, "Description"),
            }, cancellationToken),
            ConfigFacet => context.Aws.Connect.UpdateQuickConnectConfigAsync(new UpdateQuickConnectConfigRequest
            {
                InstanceId = instanceId, QuickConnectId = id, QuickConnectConfig = ConfigOf(context, p),
            }, cancellationToken),
            ConnectTags.Facet => ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken),
            // An adopted quick connect of another type: it cannot be converted (a re-plan shows the Replace).
            "Type" => throw new ReconcileException($"{desired.Address}: the quick connect '{desired.Name}' in AWS has type {Str(live ?? p, "Type")}, not {Str(p, "Type")}, and a type cannot change in place. Rename one of them, or delete the one in AWS first."),
            _ => throw new InvalidOperationException($"QuickConnects has no facet '{facet}'."),
        };
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteQuickConnectAsync(new DeleteQuickConnectRequest { InstanceId = context.RequireInstanceId(), QuickConnectId = id }, cancellationToken);
}
