using System.Text.Json.Nodes;
using Amazon.Runtime;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;

namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// Something the instance is allowed to use rather than a resource inside it (a Lambda function, a Lex bot): it is
/// associated or not. Every property identifies the association, so any change is a replacement (disassociate,
/// associate); there are no updates. The id and ARN of an association are the associated thing's ARN, which is
/// what flow placeholders resolve to. A subclass supplies the data and the three calls.
/// </summary>
public abstract class InstanceAssociationReconciler : Reconciler
{
    /// <summary>One association the config wants: its name (matched with the live list) and identifying properties.</summary>
    protected sealed record Association(IResourceSpec Spec, string Name, JsonObject Properties);

    protected abstract IEnumerable<Association> Wanted(ConnectConfig config);

    /// <summary>Every association of the instance (one pass over each list the API has).</summary>
    protected abstract Task<IReadOnlyList<LiveResource>> ListAsync(ReconcileContext context, string instanceId, CancellationToken cancellationToken);

    /// <summary>The association's id and ARN (the associated thing's ARN).</summary>
    protected abstract string ArnOf(ReconcileContext context, JsonObject properties);

    protected abstract Task AssociateAsync(ReconcileContext context, string instanceId, JsonObject properties, CancellationToken cancellationToken);

    protected abstract Task DisassociateAsync(ReconcileContext context, string instanceId, string arn, CancellationToken cancellationToken);

    public sealed override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        Wanted(config).Select(w => new DesiredResource
        {
            Address = w.Spec.Address,
            Name = w.Name,
            Spec = w.Spec,
            DependsOn = [ResourceAddress.Instance],
            Properties = w.Properties,
        });

    public sealed override Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken) =>
        ListAsync(context, context.RequireInstanceId(), cancellationToken);

    public sealed override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        try
        {
            await AssociateAsync(context, context.RequireInstanceId(), desired.Properties, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == "ResourceConflictException")
        {
            // Already associated (a response lost on the way back, or made by hand): that is the wanted outcome.
            context.Host.WriteVerbose($"{desired.Address}: already associated with the instance; adopting it.");
        }
        var arn = ArnOf(context, desired.Properties);
        return new LiveResource { Id = arn, Arn = arn, Name = desired.Name, Properties = (JsonObject)desired.Properties.DeepClone() };
    }

    public sealed override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken) =>
        throw new ReconcileException($"{desired.Address} is an association: it has nothing to update in place (any change replaces it).");

    public sealed override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        DisassociateAsync(context, context.RequireInstanceId(), arn ?? id, cancellationToken);
}
