using System.Text.Json.Nodes;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Execution;
using ConnectOps.Engine.Planning;

namespace ConnectOps.Engine.Imperative;

/// <summary>What an imperative cmdlet does to one resource.</summary>
public enum EditKind
{
    /// <summary>Create it; refused when it exists (in state, in the config or in AWS).</summary>
    New,

    /// <summary>Change the given settings of an existing resource, leaving the others as they are in AWS.</summary>
    Set,

    /// <summary>Delete it (release, for a phone number) and drop it from state.</summary>
    Remove,
}

/// <summary>
/// One resource a cmdlet creates, changes or removes. <see cref="Values"/> are written as the config writes them
/// (the keys of a <c>Queues = @( @{ … } )</c> entry, references by name): a New gives the whole resource, a Set only
/// the keys to change (a JSON null clears a key), a Remove none. The engine validates them exactly as it validates
/// the config, so a cmdlet and connectops.psd1 accept and refuse the same things.
/// </summary>
public sealed class ResourceEdit
{
    public required EditKind Kind { get; init; }

    public required Component Component { get; init; }

    /// <summary>The resource's key: its Name (Username for users, the map key for phone numbers, quick connects, Lambda functions).</summary>
    public required string Key { get; init; }

    public JsonObject Values { get; init; } = [];

    /// <summary>How errors name this edit ("row 3"): the pipeline position of the input it came from. Null: the address.</summary>
    public string? Label { get; init; }

    /// <summary>A new user's initial password, read only when CreateUser is sent; never stored, logged or shown.</summary>
    public Func<string?>? Password { get; init; }

    public ResourceAddress Address => new(Component, Key);

    /// <summary>"row 3 (Users/bob)" or "Users/bob".</summary>
    public string Describe() => Label is null ? Address.ToString() : $"{Label} ({Address})";

    public override string ToString() => $"{Kind} {Describe()}";
}

/// <summary>What happened to one edit.</summary>
public enum EditStatus
{
    Succeeded,

    /// <summary>A Set whose values AWS already has: no call was made.</summary>
    Unchanged,

    /// <summary>Refused before any call (validation) or failed in AWS; see <see cref="EditOutcome.Message"/>.</summary>
    Failed,

    /// <summary>Not confirmed (-WhatIf, or No at the -Confirm prompt).</summary>
    Declined,

    /// <summary>Not started (Ctrl+C).</summary>
    Skipped,
}

/// <summary>
/// The outcome of one edit: its status, the change it made, and on failure a stable error id, kind and a message
/// that names the edit ("row 3 (Users/bob): …") and says what to do.
/// </summary>
public sealed record EditOutcome(
    ResourceEdit Edit,
    EditStatus Status,
    ChangeAction Action,
    string? ErrorId = null,
    EngineErrorKind ErrorKind = EngineErrorKind.NotSpecified,
    string? Message = null,
    ResourceView? Resource = null);

/// <summary>The outcomes of one batch of edits, in input order, and the API calls it made.</summary>
public sealed record EditResult(IReadOnlyList<EditOutcome> Outcomes, PlanStatistics Statistics)
{
    public int Succeeded => Outcomes.Count(o => o.Status is EditStatus.Succeeded or EditStatus.Unchanged);

    public int Failed => Outcomes.Count(o => o.Status == EditStatus.Failed);
}

/// <summary>How a batch of edits runs.</summary>
public sealed record EditOptions
{
    /// <summary>Allows the irreversible deletes of <see cref="Reconcilers.Framework.Planner.IsProtected"/> components (phone-number release).</summary>
    public bool AllowDestroy { get; init; }

    /// <summary>Progress of the batch as a whole: done, total and the last change.</summary>
    public Action<ApplyProgress>? Progress { get; init; }

    /// <summary>Who holds the state lock meanwhile (the cmdlet's name).</summary>
    public string Operation { get; init; } = "cmdlet";
}

/// <summary>
/// A resource as a cmdlet shows it: its address, AWS identity, who manages it (Origin in state: Config, Cmdlet,
/// Import; null when ConnectOps does not manage it) and its settings in key space (references by name).
/// </summary>
public sealed record ResourceView(ResourceAddress Address, string Name, string? Id, string? Arn, string? Origin, JsonObject Properties);
