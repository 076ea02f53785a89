using System.Management.Automation;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Permissions;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Commands;

/// <summary>
/// The least-privilege IAM policy for running Invoke-ConnectPlan and Invoke-ConnectApply on a config: the operations
/// its components' reconcilers call and the state backend's requests, scoped to the instance's ARN from state. Makes
/// no AWS call when state knows the account (or -AccountId is given); otherwise asks STS who the caller is.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConnectIamPolicy")]
[OutputType(typeof(ConnectIamPolicy))]
public sealed class GetConnectIamPolicyCommand : ConnectCmdletBase
{
    /// <summary>Only what a plan needs (reads, and reading state): for CI pipelines that run Invoke-ConnectPlan.</summary>
    [Parameter]
    public SwitchParameter ReadOnly { get; set; }

    /// <summary>Include the irreversible deletes of these components (phone-number release, instance deletion).</summary>
    [Parameter]
    public Component[]? AllowDestroy { get; set; }

    /// <summary>The AWS account id for the ARNs; default: state's, else the caller's (STS GetCallerIdentity).</summary>
    [Parameter]
    [ValidatePattern(@"^\d{12}$")]
    public string? AccountId { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var store = StateStoreFor(config);
        ConnectOps.Engine.State.StateSnapshot? snapshot = null;
        try { snapshot = Engine.Run(ct => store.ReadAsync(ct)); }
        catch (Exception ex) when (IsEngineError(ex)) { ThrowEngineError(ex, store.Location); }
        var state = snapshot?.Document;

        var region = Region ?? config.Region ?? state?.Instance?.Region;
        if (region is null)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"No Region: set Region in {config.ConfigPath} or pass -Region."),
                "ConnectOps.RegionMissing", ErrorCategory.InvalidArgument, config.ConfigPath));
        }
        var account = AccountId ?? state?.Instance?.AccountId ?? CallerAccount(config);

        var policy = LeastPrivilegePolicy.Build(config, state, new PolicyRequestOptions
        {
            AccountId = account,
            Region = region!,
            ReadOnly = ReadOnly.IsPresent,
            AllowDestroy = AllowDestroy ?? [],
        });
        if (policy.InstanceArn is null) WriteWarning(policy.Notes.First(n => n.Contains("instance/*", StringComparison.Ordinal)));
        foreach (var note in policy.Notes.Where(n => !n.Contains("instance/*", StringComparison.Ordinal))) WriteVerbose(note);
        WriteObject(new ConnectIamPolicy
        {
            PolicyDocument = policy.ToJson(),
            ReadOnly = ReadOnly.IsPresent,
            InstanceArn = policy.InstanceArn,
            Actions = [.. policy.Actions],
            Statements = [.. policy.Statements.Select(s => s.Sid)],
            Notes = [.. policy.Notes],
            ConfigPath = config.ConfigPath,
        });
    }

    /// <summary>The caller's account, when neither state nor -AccountId says which: one STS GetCallerIdentity call.</summary>
    private string CallerAccount(ConnectOps.Engine.Model.ConnectConfig config)
    {
        try
        {
            using var aws = Engine.Run(ct => AwsServicesFactory.CreateAsync(AwsSettingsFor(config), ct));
            return aws.AccountId;
        }
        catch (Exception ex) when (IsEngineError(ex))
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                $"State does not say which AWS account {config.ConfigPath} is in, and asking STS failed: {EngineErrors.Classify(ex)!.Message} Pass -AccountId.", ex),
                "ConnectOps.AccountUnknown", ErrorCategory.AuthenticationError, config.ConfigPath));
            return null!;
        }
    }
}
