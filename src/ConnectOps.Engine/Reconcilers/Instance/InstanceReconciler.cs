using System.Text.Json.Nodes;
using Amazon.Runtime;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Instance;

/// <summary>
/// The Connect instance: created asynchronously (waits for ACTIVE), its telephony and logging switches
/// are instance attributes (one UpdateInstanceAttribute per changed switch), and it is tagged.
/// </summary>
public sealed class InstanceReconciler : Reconciler
{
    /// <summary>Config switch → Connect attribute type.</summary>
    internal static readonly IReadOnlyList<(string Property, string Attribute)> Attributes =
    [
        ("InboundCallsEnabled", "INBOUND_CALLS"),
        ("OutboundCallsEnabled", "OUTBOUND_CALLS"),
        ("ContactFlowLogsEnabled", "CONTACTFLOW_LOGS"),
        ("ContactLensEnabled", "CONTACT_LENS"),
        ("AutoResolveBestVoicesEnabled", "AUTO_RESOLVE_BEST_VOICES"),
        ("EarlyMediaEnabled", "EARLY_MEDIA"),
        ("MultiPartyConferenceEnabled", "MULTI_PARTY_CONFERENCE"),
    ];

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Alias") { ForcesReplacement = true },
        new("IdentityManagementType") { ForcesReplacement = true },
        new("DirectoryId") { ForcesReplacement = true },
        .. Attributes.Select(a => new PropertySpec(a.Property) { Facet = a.Attribute }),
        ConnectTags.Property,
    ];

    public override Component Component => Component.Instance;

    public override bool InsideInstance => false;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    // ListInstances only while state knows no instance (finding it by alias); a create polls DescribeInstance and
    // reads the attributes it did not set.
    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("ListInstances DescribeInstance ListInstanceAttributes"),
        Write = [.. ComponentCalls.Connect("CreateInstance DescribeInstance ListInstanceAttributes UpdateInstanceAttribute"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("DeleteInstance"),
    };

    public override ComponentCalls Calls => CallTable;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config)
    {
        var i = config.Instance;
        var p = new JsonObject();
        if (i.Id is null)
        {
            p["Alias"] = i.Alias;
            p["IdentityManagementType"] = i.IdentityManagementType is { } t ? EnumWire.ToWire(t) : null;
            if (i.DirectoryId is not null) p["DirectoryId"] = i.DirectoryId;
        }
        p["InboundCallsEnabled"] = i.InboundCallsEnabled;
        p["OutboundCallsEnabled"] = i.OutboundCallsEnabled;
        p["ContactFlowLogsEnabled"] = i.ContactFlowLogsEnabled;
        p["ContactLensEnabled"] = i.ContactLensEnabled;
        p["AutoResolveBestVoicesEnabled"] = i.AutoResolveBestVoicesEnabled;
        p["EarlyMediaEnabled"] = i.EarlyMediaEnabled;
        p["MultiPartyConferenceEnabled"] = i.MultiPartyConferenceEnabled;
        p["Tags"] = TagsNode(config, i.Tags);
        yield return new DesiredResource { Address = ResourceAddress.Instance, Name = i.Alias ?? i.Id ?? "", Properties = p, Spec = i };
    }

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var id = context.InstanceId ?? context.Config.Instance.Id;
        if (id is null)
        {
            // Not in state yet: find it by alias (adopts an instance whose create response was lost).
            var alias = context.Config.Instance.Alias;
            await foreach (var summary in context.Aws.Connect.Paginators.ListInstances(new ListInstancesRequest()).InstanceSummaryList.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(summary.InstanceAlias, alias, StringComparison.OrdinalIgnoreCase) && summary.InstanceStatus != "CREATION_FAILED") { id = summary.Id; break; }
            }
            if (id is null) return [];
        }
        Aws.Connect.Model.Instance instance;
        try
        {
            instance = (await context.Aws.Connect.DescribeInstanceAsync(new DescribeInstanceRequest { InstanceId = id }, cancellationToken).ConfigureAwait(false)).Instance!;
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "ResourceNotFoundException")
        {
            context.InstanceId = null;
            return [];
        }
        if (instance.InstanceStatus == "CREATION_IN_PROGRESS") instance = await WaitActiveAsync(context, instance.Id!, cancellationToken).ConfigureAwait(false);
        context.InstanceId = instance.Id;
        context.InstanceArn = instance.Arn;
        var props = await ReadAttributesAsync(context, instance.Id!, cancellationToken).ConfigureAwait(false);
        props["Alias"] = instance.InstanceAlias;
        props["IdentityManagementType"] = instance.IdentityManagementType;
        if (context.Config.Instance.DirectoryId is not null) props["DirectoryId"] = context.Config.Instance.DirectoryId;
        props["Tags"] = ConnectTags.ToNode(instance.Tags);
        return [new LiveResource { Id = instance.Id!, Arn = instance.Arn, Name = instance.InstanceAlias ?? instance.Id!, Properties = props }];
    }

    private static async Task<JsonObject> ReadAttributesAsync(ReconcileContext context, string instanceId, CancellationToken cancellationToken)
    {
        var byType = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var a in context.Aws.Connect.Paginators.ListInstanceAttributes(new ListInstanceAttributesRequest { InstanceId = instanceId }).Attributes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (a.AttributeType is not null) byType[a.AttributeType] = a.Value;
        }
        var props = new JsonObject();
        foreach (var (property, attribute) in Attributes)
        {
            props[property] = byType.TryGetValue(attribute, out var v) && v is not null ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : null;
        }
        return props;
    }

    private static async Task<Aws.Connect.Model.Instance> WaitActiveAsync(ReconcileContext context, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var instance = (await context.Aws.Connect.DescribeInstanceAsync(new DescribeInstanceRequest { InstanceId = id }, cancellationToken).ConfigureAwait(false)).Instance!;
            switch (instance.InstanceStatus)
            {
                case "ACTIVE":
                    return instance;
                case "CREATION_FAILED":
                    throw new ReconcileException($"Amazon Connect could not create the instance '{instance.InstanceAlias}': {instance.StatusReason?.Message ?? "no reason given"}. Fix the cause, then apply again (the failed instance is not reused).");
            }
            if (attempt == 0) context.Host.WriteVerbose($"Instance {id} is {instance.InstanceStatus}; waiting for ACTIVE.");
            // Back off gently: DescribeInstance shares a 2-requests-per-second quota.
            await context.Delay(TimeSpan.FromTicks(context.PollInterval.Ticks * Math.Min(1 + attempt / 5, 5)), cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        if (context.Config.Instance.Id is { } existingId)
            throw new ReconcileException($"The instance {existingId} named by Instance.Id does not exist (or is not visible with these credentials). ConnectOps never creates an instance that the config names by id.");
        var p = desired.Properties;
        var created = await context.Aws.Connect.CreateInstanceAsync(new CreateInstanceRequest
        {
            InstanceAlias = Str(p, "Alias"),
            IdentityManagementType = Str(p, "IdentityManagementType"),
            DirectoryId = Str(p, "DirectoryId"),
            InboundCallsEnabled = Bool(p, "InboundCallsEnabled") ?? false,
            OutboundCallsEnabled = Bool(p, "OutboundCallsEnabled") ?? false,
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        var instance = await WaitActiveAsync(context, created.Id!, cancellationToken).ConfigureAwait(false);
        context.InstanceId = instance.Id;
        context.InstanceArn = instance.Arn;

        // The switches CreateInstance does not take: set the ones that differ from the new instance's defaults.
        var live = await ReadAttributesAsync(context, instance.Id!, cancellationToken).ConfigureAwait(false);
        foreach (var (property, attribute) in Attributes)
        {
            if (Bool(p, property) is { } want && Bool(live, property) != want)
                await SetAttributeAsync(context, instance.Id!, attribute, want, cancellationToken).ConfigureAwait(false);
        }
        return new LiveResource { Id = instance.Id!, Arn = instance.Arn, Name = instance.InstanceAlias ?? instance.Id!, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        if (facet == ConnectTags.Facet) return ConnectTags.UpdateAsync(context, arn, desired.Properties, live, cancellationToken);
        var (property, attribute) = Attributes.First(a => a.Attribute == facet);
        return SetAttributeAsync(context, id, attribute, Bool(desired.Properties, property) ?? false, cancellationToken);
    }

    private static Task SetAttributeAsync(ReconcileContext context, string instanceId, string attribute, bool value, CancellationToken cancellationToken) =>
        context.Aws.Connect.UpdateInstanceAttributeAsync(new UpdateInstanceAttributeRequest
        {
            InstanceId = instanceId,
            AttributeType = attribute,
            Value = value ? "true" : "false",
        }, cancellationToken);

    public override async Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken)
    {
        await context.Aws.Connect.DeleteInstanceAsync(new DeleteInstanceRequest { InstanceId = id }, cancellationToken).ConfigureAwait(false);
        context.InstanceId = null;
        context.InstanceArn = null;
    }
}
