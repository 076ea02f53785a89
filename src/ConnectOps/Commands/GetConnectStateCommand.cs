using System.Management.Automation;
using ConnectOps.Completion;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.State;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Commands;

/// <summary>One managed resource as state records it.</summary>
public sealed class ConnectStateEntry
{
    internal ConnectStateEntry(ResourceAddress address, ResourceState state)
    {
        Address = address.ToString();
        Component = address.Component.ToString();
        Key = address.Key;
        Id = state.Id;
        Arn = state.Arn;
        Origin = state.Origin.ToString();
        Attributes = state.Attributes.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        DependsOn = state.DependsOn.Select(d => d.ToString()).ToArray();
    }

    public string Address { get; }
    public string Component { get; }
    public string? Key { get; }
    public string Id { get; }
    public string? Arn { get; }
    public string Origin { get; }
    /// <summary>The attributes last applied, as JSON.</summary>
    public string Attributes { get; }
    public string[] DependsOn { get; }
}

/// <summary>Lists the resources in state (terraform state list), or shows one in full (state show).</summary>
[Cmdlet(VerbsCommon.Get, "ConnectState", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ConnectStateEntry), ParameterSetName = [ListSet])]
[OutputType(typeof(LockInfo), ParameterSetName = [LockSet])]
public sealed class GetConnectStateCommand : ConnectCmdletBase
{
    private const string ListSet = "List";
    private const string LockSet = "Lock";

    /// <summary>Addresses to show; wildcards allowed (default: all).</summary>
    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Address { get; set; }

    /// <summary>Only resources of these components.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public Component[]? Component { get; set; }

    /// <summary>Only resources with this origin: Config (applied from the config), Cmdlet, or Import.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public ResourceOrigin[]? Origin { get; set; }

    /// <summary>Shows who holds the state lock (nothing when unlocked) instead of the resources.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LockSet)]
    public SwitchParameter Lock { get; set; }

    protected override void Run()
    {
        var config = LoadConfig();
        var store = StateStoreFor(config);
        if (Lock)
        {
            LockInfo? holder = null;
            try { holder = Engine.Run(ct => store.GetLockAsync(ct)); }
            catch (Exception ex) when (IsEngineError(ex)) { ThrowEngineError(ex, store.Location); return; }
            if (holder is null) WriteVerbose($"The state at {store.Location} is not locked.");
            else WriteObject(holder);
            return;
        }
        StateSnapshot? snapshot;
        try { snapshot = Engine.Run(ct => store.ReadAsync(ct)); }
        catch (Exception ex) when (IsEngineError(ex)) { ThrowEngineError(ex, store.Location); return; }
        if (snapshot is null)
        {
            WriteVerbose($"No state at {store.Location} yet: nothing has been applied.");
            return;
        }
        var patterns = new List<AddressPattern>();
        foreach (var a in Address ?? [])
        {
            if (!AddressPattern.TryParse(a, out var p, out var error))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(error, nameof(Address)), "ConnectOps.InvalidAddress", ErrorCategory.InvalidArgument, a));
            patterns.Add(p!);
        }
        var found = false;
        foreach (var entry in StateOperations.Select(snapshot.Document, patterns, Component ?? [], Origin ?? []))
        {
            found = true;
            WriteObject(new ConnectStateEntry(entry.Address, entry.Resource));
        }
        if (!found && patterns.Count > 0 && patterns.All(p => p.IsLiteral))
        {
            WriteError(new ErrorRecord(new ItemNotFoundException($"{string.Join(", ", Address!)} is not in state. Get-ConnectState lists what is."), "ConnectOps.AddressNotInState", ErrorCategory.ObjectNotFound, string.Join(",", Address!)));
        }
    }
}
