using System.Collections.Concurrent;
using System.Management.Automation;
using ConnectOps.Engine.Abstractions;

namespace ConnectOps.Hosting;

/// <summary>
/// The engine's host inside a cmdlet. The engine runs on worker threads; everything that touches the
/// pipeline (verbose, warnings, progress, ShouldProcess) is queued here and carried out on the pipeline
/// thread by <see cref="Run{T}"/>, which pumps the queue until the engine's task completes.
/// </summary>
internal sealed class PipelineHost : IHost, IDisposable
{
    private readonly PSCmdlet _cmdlet;
    private readonly BlockingCollection<Action> _queue = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

    public PipelineHost(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    public CancellationToken CancellationToken => _cancel.Token;

    /// <summary>Called from StopProcessing (Ctrl+C): the engine stops starting work and saves state.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>Shows the rendered diff for -WhatIf/-Confirm; returns false when the change is skipped.</summary>
    public Func<string, string, string, bool>? ShouldProcessOverride { get; set; }

    public bool ShouldProcess(string target, string action, string renderedDiff)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread) return AskNow(target, action, renderedDiff);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try { answer.SetResult(AskNow(target, action, renderedDiff)); }
            catch (Exception ex) { answer.SetException(ex); }
        });
        return answer.Task.GetAwaiter().GetResult();
    }

    private bool AskNow(string target, string action, string renderedDiff) =>
        ShouldProcessOverride?.Invoke(target, action, renderedDiff)
        ?? _cmdlet.ShouldProcess(renderedDiff, $"{action} {target}?", $"{action} {target}");

    public void WriteVerbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

    public void WriteWarning(string message) => Post(() => _cmdlet.WriteWarning(message));

    public void WriteDebug(string message) => Post(() => _cmdlet.WriteDebug(message));

    public void PostProgress(ProgressEvent progress) => Post(() =>
    {
        var record = new ProgressRecord(progress.ActivityId, progress.Activity, string.IsNullOrEmpty(progress.Status) ? progress.Activity : progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        if (progress.ParentActivityId is { } parent) record.ParentActivityId = parent;
        _cmdlet.WriteProgress(record);
    });

    private void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            action();
            return;
        }
        try { _queue.Add(action); }
        catch (InvalidOperationException) { /* the cmdlet finished; late messages are dropped */ }
    }

    /// <summary>Runs <paramref name="work"/> on a worker thread and pumps host calls until it completes.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_cancel.Token));
        task.ContinueWith(_ => _queue.Add(() => { }), TaskScheduler.Default);
        while (!task.IsCompleted || _queue.Count > 0)
        {
            if (_queue.TryTake(out var action, 100)) action();
        }
        return task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _cancel.Dispose();
        _queue.Dispose();
    }
}
