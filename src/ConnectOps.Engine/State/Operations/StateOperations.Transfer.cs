namespace ConnectOps.Engine.State.Operations;

public sealed partial class StateOperations
{
    /// <summary>The current state's content (terraform state pull). Warns, but still returns it, when it does not parse.</summary>
    public async Task<RawState> ExportAsync(CancellationToken cancellationToken)
    {
        var raw = await Versioned.ReadRawAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new StateOperationException("ConnectOps.StateEmpty", $"There is no state at {Store.Location} to export.");
        try
        {
            StateSerializer.Deserialize(raw.Content, Store.Location, "");
        }
        catch (StateException e)
        {
            Host.WriteWarning($"Exported as stored, but it is not valid state: {e.Message}");
        }
        return raw;
    }

    /// <summary>
    /// Replaces the state with <paramref name="content"/> (terraform state push), as a new serial. Refused, unless
    /// <paramref name="force"/>, when the content is another lineage, older (lower serial) than the state, or the
    /// same serial with other content; forcing says so in a warning. The write is still conditional on the state read.
    /// </summary>
    public Task<StateSnapshot?> PushAsync(byte[] content, string source, bool force, CancellationToken cancellationToken)
    {
        var pushed = StateSerializer.Deserialize(content, source, "Fix the file, or export it again with Export-ConnectState.");
        return UnderRawLockAsync<StateSnapshot?>("state push", async () =>
        {
            var store = Versioned;
            var raw = await store.ReadRawAsync(cancellationToken).ConfigureAwait(false);
            StateDocument? current = null;
            var problems = new List<(string Id, string Message)>();
            if (raw is not null)
            {
                try
                {
                    current = StateSerializer.Deserialize(raw.Content, Store.Location, "");
                }
                catch (StateException)
                {
                    problems.Add(("ConnectOps.StateCorrupt", $"the state at {Store.Location} is damaged, so its lineage and serial cannot be checked"));
                }
            }
            if (current is not null)
            {
                if (current.Lineage != pushed.Lineage)
                {
                    problems.Add(("ConnectOps.StateLineageMismatch", $"{source} has lineage {pushed.Lineage} but the state at {Store.Location} has lineage {current.Lineage} (another contact centre's state?)"));
                }
                else if (pushed.Serial < current.Serial)
                {
                    problems.Add(("ConnectOps.StateSerialBehind", $"{source} has serial {pushed.Serial}, older than the state's serial {current.Serial}: it would undo {current.Serial - pushed.Serial} write(s)"));
                }
                else if (pushed.Serial == current.Serial && !pushed.Equals(current))
                {
                    problems.Add(("ConnectOps.StateSerialConflict", $"{source} has the same serial ({pushed.Serial}) as the state but different content"));
                }
                else if (pushed.Equals(current))
                {
                    Host.WriteVerbose($"{source} is the same as the state at {Store.Location} (serial {current.Serial}); nothing to push.");
                    return null;
                }
            }
            if (problems.Count > 0)
            {
                var text = string.Join("; ", problems.Select(p => p.Message));
                if (!force)
                {
                    var id = problems[0].Id;
                    var message = $"Refusing to push: {text}. Nothing was written. Check you have the right file; -Force overrides this (the current state stays in the history).";
                    throw id == "ConnectOps.StateLineageMismatch" ? new StateLineageMismatchException(message) : new StateOperationException(id, message);
                }
                Host.WriteWarning($"Pushing anyway (-Force): {text}.");
            }
            var serial = Math.Max(pushed.Serial, current?.Serial ?? 0) + 1;
            var what = $"Replace the state at {Store.Location} ({(current is null ? raw is null ? "none yet" : "damaged" : $"serial {current.Serial}, {current.Resources.Count} resources")}) " +
                       $"with {source} (serial {pushed.Serial}, {pushed.Resources.Count} resources), written as serial {serial}.";
            if (!Host.ShouldProcess(Store.Location, "Push state", what)) return null;
            return await store.ReplaceAsync(pushed with { Serial = serial }, raw?.ETag, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Copies this store's state into <paramref name="destination"/> under both locks, keeping lineage and serial
    /// (e.g. local state into S3). Refuses a destination that already holds other state unless <paramref name="force"/>.
    /// The source is left as it is; the config's State settings must then point at the destination.
    /// </summary>
    public Task<MigrationResult?> MigrateAsync(IVersionedStateStore destination, bool force, CancellationToken cancellationToken) =>
        UnderLockAsync<MigrationResult?>("state migrate", async snapshot =>
        {
            ArgumentNullException.ThrowIfNull(destination);
            var source = snapshot ?? throw new StateOperationException("ConnectOps.StateEmpty", $"There is no state at {Store.Location} to move.");
            if (string.Equals(destination.Location, Store.Location, StringComparison.Ordinal))
            {
                throw new StateOperationException("ConnectOps.StateMoveSameAddress", $"The destination {destination.Location} is where the state already is.");
            }
            if (await destination.CheckAsync(cancellationToken).ConfigureAwait(false) is { } warning) Host.WriteWarning(warning);
            await using var destinationLock = await destination.AcquireLockAsync(LockInfo.Create("state migrate"), LockTimeout, cancellationToken).ConfigureAwait(false);
            var raw = await destination.ReadRawAsync(cancellationToken).ConfigureAwait(false);
            if (raw is not null)
            {
                StateDocument? there = null;
                try { there = StateSerializer.Deserialize(raw.Content, destination.Location, ""); }
                catch (StateException) { }
                if (there is not null && there.Equals(source.Document))
                {
                    Host.WriteVerbose($"{destination.Location} already holds this state (serial {there.Serial}); nothing to copy.");
                    return new MigrationResult(Store.Location, destination.Location, there.Lineage, there.Serial, there.Resources.Count);
                }
                var describe = there is null ? "damaged state" : $"state of lineage {there.Lineage}, serial {there.Serial}";
                if (!force)
                {
                    throw new StateOperationException("ConnectOps.StateDestinationNotEmpty",
                        $"{destination.Location} already holds {describe}; nothing was copied. Point at an empty key, or pass -Force to replace it (the old content stays in its history when versioning is on).");
                }
                Host.WriteWarning($"Replacing {describe} at {destination.Location} (-Force).");
            }
            var doc = source.Document;
            var what = $"Copy the state at {Store.Location} (lineage {doc.Lineage}, serial {doc.Serial}, {doc.Resources.Count} resources) to {destination.Location}.";
            if (!Host.ShouldProcess(destination.Location, "Move state", what)) return null;
            var written = await destination.ReplaceAsync(doc, raw?.ETag, cancellationToken).ConfigureAwait(false);
            return new MigrationResult(Store.Location, destination.Location, written.Document.Lineage, written.Document.Serial, written.Document.Resources.Count);
        }, cancellationToken);
}
