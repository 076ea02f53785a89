using System.Text.RegularExpressions;

namespace ConnectOps.Engine.Permissions;

/// <summary>One request to check: the IAM action (<c>connect:CreateQueue</c>) on one resource ARN (or <c>*</c>).</summary>
public sealed record PolicyRequest(string Action, string Resource);

/// <summary>
/// Decides whether a ConnectOps policy allows a request, the way IAM matches Allow statements: the action matches
/// an Action pattern case-insensitively and the resource matches a Resource pattern case-sensitively, where
/// <c>*</c> matches any run of characters (including <c>/</c> and <c>:</c>) and <c>?</c> one character. Conditions
/// are not evaluated (ConnectOps' conditions only narrow what the resources already allow), and there is no Deny.
/// Used by the tests that check a policy against the calls the emulator recorded.
/// </summary>
public static class PolicyEvaluator
{
    public static bool IsAllowed(PolicyDocument policy, PolicyRequest request) =>
        policy.Statements.Any(s =>
            s.Actions.Any(a => Matches(a, request.Action, ignoreCase: true)) &&
            s.Resources.Any(r => Matches(r, request.Resource, ignoreCase: false)));

    /// <summary>The requests the policy does not allow (empty: all allowed).</summary>
    public static IReadOnlyList<PolicyRequest> Denied(PolicyDocument policy, IEnumerable<PolicyRequest> requests) =>
        requests.Where(r => !IsAllowed(policy, r)).Distinct().ToList();

    /// <summary>IAM wildcard matching: <c>*</c> any run of characters, <c>?</c> exactly one.</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
