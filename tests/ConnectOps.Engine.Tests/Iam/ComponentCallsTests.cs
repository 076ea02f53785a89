using System.Text.RegularExpressions;
using ConnectOps.Engine.Permissions;
using ConnectOps.Engine.Reconcilers;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Tests.Iam;

/// <summary>
/// Each reconciler's call table (what the IAM policy is built from) against the calls its folder's source makes: an
/// operation added to a reconciler without its table, or left in the table after the call went, fails here.
/// </summary>
public sealed class ComponentCallsTests
{
    // Client calls as the reconcilers write them: context.Aws.Connect.CreateQueueAsync(…), connect.UpdateQueueNameAsync(…),
    // context.Aws.Connect.Paginators.SearchQueues(…), iam.TagRoleAsync(…), logs.PutRetentionPolicyAsync(…).
    private static readonly Regex Call = new(@"\b(Connect|connect|Iam|iam|Logs|logs|SecretsManager)\.(?:Paginators\.)?([A-Z][A-Za-z0-9]+?)(?:Async)?\(", RegexOptions.Compiled);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", "operations.txt"))) return dir.FullName;
        }
        throw new InvalidOperationException("models/operations.txt not found above " + AppContext.BaseDirectory);
    }

    private static HashSet<AwsOperation> KnownOperations() =>
        File.ReadAllLines(Path.Combine(RepoRoot(), "models", "operations.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new AwsOperation(p[0], p[1]))
            .ToHashSet();

    /// <summary>The operations the source under <paramref name="folder"/> calls (only real operations count, not helpers).</summary>
    private static HashSet<AwsOperation> CalledIn(string folder, HashSet<AwsOperation> known)
    {
        var found = new HashSet<AwsOperation>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Call.Matches(text))
            {
                var service = m.Groups[1].Value.ToLowerInvariant();
                var op = new AwsOperation(service, m.Groups[2].Value);
                if (known.Contains(op)) found.Add(op);
            }
            if (text.Contains("ConnectTags.UpdateAsync", StringComparison.Ordinal)) found.UnionWith(ConnectTags.Calls);
        }
        return found;
    }

    public static TheoryData<string> Components() => [.. ReconcilerRegistry.All.Select(r => r.Component.ToString())];

    [Theory]
    [MemberData(nameof(Components))]
    public void Call_table_lists_exactly_the_operations_its_reconciler_folder_calls(string component)
    {
        var reconciler = ReconcilerRegistry.All.Single(r => r.Component.ToString() == component);
        var known = KnownOperations();
        var folder = Path.Combine(RepoRoot(), "src", "ConnectOps.Engine", "Reconcilers", reconciler.GetType().Namespace!.Split('.')[^1]);
        Assert.True(Directory.Exists(folder), folder);

        var called = CalledIn(folder, known);
        var declared = reconciler.Calls.All.ToHashSet();

        Assert.NotEmpty(called);
        Assert.True(declared.SetEquals(called),
            $"{component}: called but not in Calls: [{string.Join(", ", called.Except(declared))}]; in Calls but not called: [{string.Join(", ", declared.Except(called))}]");
    }

    [Fact]
    public void Every_table_entry_is_an_operation_of_models_operations_txt_with_an_IAM_mapping()
    {
        var known = KnownOperations();
        foreach (var r in ReconcilerRegistry.All)
        {
            foreach (var op in r.Calls.All)
            {
                Assert.True(known.Contains(op), $"{r.Component}: {op} is not in models/operations.txt");
                Assert.Equal(op.ToString(), IamActionMap.For(op)[0].Action);
            }
        }
    }

    [Fact]
    public void Read_calls_only_read_so_a_plan_policy_can_never_change_anything()
    {
        foreach (var r in ReconcilerRegistry.All)
        {
            var writes = r.Calls.Read.Where(o => !o.IsRead).ToList();
            Assert.True(writes.Count == 0, $"{r.Component} lists mutating operations as reads: {string.Join(", ", writes)}");
        }
    }

    [Fact]
    public void Every_component_has_a_read_and_a_delete()
    {
        foreach (var r in ReconcilerRegistry.All)
        {
            Assert.True(r.Calls.Read.Count > 0, $"{r.Component} reads nothing");
            Assert.True(r.Calls.Delete.Count > 0, $"{r.Component} has no delete calls");
        }
    }
}
