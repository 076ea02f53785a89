namespace ConnectOps.Engine.Abstractions;

/// <summary>
/// What the engine needs from its host (the PowerShell cmdlet, or a test). Kept small on purpose.
/// <para>Threading: <see cref="PostProgress"/> and the Write* methods may be called from any thread; the
/// PowerShell host queues them and writes on the pipeline thread. <see cref="ShouldProcess"/> blocks the
/// caller until the host has asked (the host marshals it to the pipeline thread), so the engine calls it
/// before starting a change, never while holding a rate-limit token.</para>
/// </summary>
public interface IHost
{
    /// <summary>Cancelled on Ctrl+C / StopProcessing. The engine stops starting work and saves state.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The three-argument ShouldProcess: <paramref name="target"/> is the address, <paramref name="action"/>
    /// the verb ("Create", "Update", "Replace", "Delete"), <paramref name="renderedDiff"/> the change as
    /// PlanRenderer.RenderChange writes it (shown by -WhatIf and -Confirm). False = skip this change.
    /// </summary>
    bool ShouldProcess(string target, string action, string renderedDiff);

    void WriteVerbose(string message);

    void WriteWarning(string message);

    void WriteDebug(string message);

    /// <summary>Reports progress; thread-safe, never blocks.</summary>
    void PostProgress(ProgressEvent progress);
}

/// <summary>
/// One progress update: <see cref="ActivityId"/> identifies the bar (one parent per apply, one child per
/// component with <see cref="ParentActivityId"/> set), <see cref="PercentComplete"/> is 0–100 or -1 when
/// unknown, <see cref="Completed"/> closes the bar.
/// </summary>
public sealed record ProgressEvent(
    int ActivityId,
    int? ParentActivityId,
    string Activity,
    string Status,
    int PercentComplete = -1,
    bool Completed = false);
