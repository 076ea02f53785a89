namespace ConnectOps.Engine.Reconcilers.Framework;

/// <summary>
/// The mechanism every association list shares (a queue's quick connects, a routing profile's queues, a
/// security profile's permissions): one paged list per parent the config manages, read concurrently; and a
/// live set brought to the desired set with remove / change / add calls chunked to the API's per-call limit.
/// </summary>
public static class AssociationList
{
    /// <summary>Every item of <paramref name="list"/> for each parent id (one paged list per parent, all at once).</summary>
    public static async Task<Dictionary<string, List<T>>> ReadPerParentAsync<T>(IEnumerable<string> parentIds, Func<string, IAsyncEnumerable<T>> list, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        await Task.WhenAll(parentIds.Distinct(StringComparer.Ordinal).Select(async id =>
        {
            var items = new List<T>();
            await foreach (var item in list(id).WithCancellation(cancellationToken).ConfigureAwait(false)) items.Add(item);
            lock (result) result[id] = items;
        })).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Brings <paramref name="have"/> to <paramref name="want"/>. Items are identified by <paramref name="key"/> (a quick
    /// connect id; a queue id and channel); an item present on both sides whose value differs (per
    /// <paramref name="same"/>) is changed in place when <paramref name="change"/> is given, else removed and added.
    /// Removes go first (they free per-parent capacity), then changes, then adds; each in chunks of at most
    /// <paramref name="perCall"/>, in key order so the calls are deterministic.
    /// </summary>
    public static async Task SyncAsync<T>(
        IEnumerable<T> have,
        IEnumerable<T> want,
        Func<T, string> key,
        Func<T, T, bool> same,
        int perCall,
        Func<IReadOnlyList<T>, Task> remove,
        Func<IReadOnlyList<T>, Task>? change,
        Func<IReadOnlyList<T>, Task> add)
    {
        var haveByKey = Index(have, key);
        var wantByKey = Index(want, key);
        var removed = haveByKey.Where(p => !wantByKey.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var added = wantByKey.Where(p => !haveByKey.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var changed = wantByKey.Where(p => haveByKey.TryGetValue(p.Key, out var h) && !same(h, p.Value)).ToList();
        if (change is null)
        {
            removed.AddRange(changed.Select(p => haveByKey[p.Key]));
            added.AddRange(changed.Select(p => p.Value));
            changed.Clear();
        }
        await ChunkedAsync(removed.OrderBy(key, StringComparer.Ordinal), perCall, remove).ConfigureAwait(false);
        if (change is not null) await ChunkedAsync(changed.Select(p => p.Value), perCall, change).ConfigureAwait(false);
        await ChunkedAsync(added.OrderBy(key, StringComparer.Ordinal), perCall, add).ConfigureAwait(false);
    }

    /// <summary>Calls <paramref name="call"/> once per chunk of at most <paramref name="perCall"/> items (never with none).</summary>
    public static async Task ChunkedAsync<T>(IEnumerable<T> items, int perCall, Func<IReadOnlyList<T>, Task> call)
    {
        foreach (var chunk in items.Chunk(perCall)) await call(chunk).ConfigureAwait(false);
    }

    private static SortedDictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) result[key(item)] = item;
        return result;
    }
}
