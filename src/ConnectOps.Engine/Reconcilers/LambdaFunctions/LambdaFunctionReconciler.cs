using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.LambdaFunctions;

/// <summary>
/// Lambda functions the instance may invoke, by function ARN (AssociateLambdaFunction / DisassociateLambdaFunction);
/// read with ListLambdaFunctions (25 ARNs a page), once per plan. A new ARN under the same key replaces the
/// association. <c>${LambdaFunctions/key}</c> in a flow resolves to the ARN.
/// </summary>
public sealed class LambdaFunctionReconciler : InstanceAssociationReconciler
{
    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("FunctionArn") { ForcesReplacement = true, ReplaceReason = "another function is configured: the old one is disassociated and the new one associated" },
    ];

    public override Component Component => Component.LambdaFunctions;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("ListLambdaFunctions"),
        Write = ComponentCalls.Connect("AssociateLambdaFunction"),
        Delete = ComponentCalls.Connect("DisassociateLambdaFunction"),
    };

    public override ComponentCalls Calls => CallTable;

    protected override IEnumerable<Association> Wanted(ConnectConfig config) =>
        config.LambdaFunctions.Select(f => new Association(f, f.FunctionArn, new JsonObject { ["FunctionArn"] = f.FunctionArn }));

    protected override async Task<IReadOnlyList<LiveResource>> ListAsync(ReconcileContext context, string instanceId, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new ListLambdaFunctionsRequest { InstanceId = instanceId, MaxResults = 25 };
        await foreach (var arn in context.Aws.Connect.Paginators.ListLambdaFunctions(request).LambdaFunctions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LiveResource { Id = arn, Arn = arn, Name = arn, Properties = new JsonObject { ["FunctionArn"] = arn } });
        }
        return result;
    }

    protected override string ArnOf(ReconcileContext context, JsonObject properties) => Str(properties, "FunctionArn")!;

    protected override Task AssociateAsync(ReconcileContext context, string instanceId, JsonObject properties, CancellationToken cancellationToken) =>
        context.Aws.Connect.AssociateLambdaFunctionAsync(new AssociateLambdaFunctionRequest { InstanceId = instanceId, FunctionArn = Str(properties, "FunctionArn") }, cancellationToken);

    protected override Task DisassociateAsync(ReconcileContext context, string instanceId, string arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DisassociateLambdaFunctionAsync(new DisassociateLambdaFunctionRequest { InstanceId = instanceId, FunctionArn = arn }, cancellationToken);
}
