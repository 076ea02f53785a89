using System.Text.Json.Nodes;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Connect.Framework;

/// <summary>
/// Evaluates Search* SearchCriteria (recursive OrConditions / AndConditions, StringCondition on the kind's documented
/// field names, enum leaves such as QueueTypeCondition) and SearchFilter.TagFilter against record views.
/// </summary>
internal static class SearchEngine
{
    public static List<JsonObject> Filter(ConnectContext ctx, ResourceKind kind, IEnumerable<JsonObject> views, JsonObject? criteria, JsonObject? filter)
    {
        // Attribute filters (UserAttributeFilter, FlowAttributeFilter) are refused rather than ignored, so a search
        // never silently returns more than the service would.
        if (filter?.Select(p => p.Key).FirstOrDefault(k => k != "TagFilter") is { } unsupported)
        {
            throw ApiException.Validation(ctx.Call.Operation, $"SearchFilter.{unsupported} is not supported by the emulator; filter on tags (TagFilter).");
        }

        return views.Where(view => (criteria is null || MatchCriteria(ctx, kind, view, criteria, depth: 0)) && (filter is null || MatchFilter(view, filter))).ToList();
    }

    private static bool MatchCriteria(ConnectContext ctx, ResourceKind kind, JsonObject view, JsonObject criteria, int depth)
    {
        if (depth > 10)
        {
            throw ApiException.Validation(ctx.Call.Operation, "SearchCriteria is nested too deeply.");
        }

        foreach (var (member, value) in criteria)
        {
            if (value is null)
            {
                continue;
            }

            var holds = member switch
            {
                "OrConditions" => value.AsArray().Count == 0 || value.AsArray().Any(c => c is JsonObject o && MatchCriteria(ctx, kind, view, o, depth + 1)),
                "AndConditions" => value.AsArray().All(c => c is JsonObject o && MatchCriteria(ctx, kind, view, o, depth + 1)),
                "StringCondition" => MatchString(ctx, kind, view, value.AsObject()),
                _ when kind.SearchConditions.TryGetValue(member, out var field) =>
                    RecordPath.Strings(view, field).Contains(RecordPath.Text(value), StringComparer.Ordinal),
                _ => kind.MatchCondition(ctx, view, member, value)
                    ?? throw ApiException.Validation(ctx.Call.Operation, $"SearchCriteria.{member} is not supported by the emulator for {ctx.Call.Operation.Name}."),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchString(ConnectContext ctx, ResourceKind kind, JsonObject view, JsonObject condition)
    {
        var operation = ctx.Call.Operation;
        var field = RecordPath.Text(condition["FieldName"]) ?? throw ApiException.Validation(operation, "StringCondition.FieldName is required.");
        var value = RecordPath.Text(condition["Value"]) ?? throw ApiException.Validation(operation, "StringCondition.Value is required.");
        var comparison = RecordPath.Text(condition["ComparisonType"]) ?? throw ApiException.Validation(operation, "StringCondition.ComparisonType is required.");
        if (!kind.SearchFields.TryGetValue(field.ToLowerInvariant(), out var path))
        {
            throw ApiException.Validation(operation, $"StringCondition.FieldName '{field}' is not searchable. Supported: {string.Join(", ", kind.SearchFields.Keys)}.");
        }

        if (comparison == "CONTAINS" && value.Length is < 2 or > 25)
        {
            throw ApiException.Validation(operation, "StringCondition.Value for CONTAINS must be 2 to 25 characters long.");
        }

        return RecordPath.Strings(view, path).Any(candidate => comparison switch
        {
            "EXACT" => string.Equals(candidate, value, StringComparison.Ordinal),
            "STARTS_WITH" => candidate.StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "CONTAINS" => candidate.Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => throw ApiException.Validation(operation, $"StringCondition.ComparisonType '{comparison}' is not one of EXACT, STARTS_WITH, CONTAINS."),
        });
    }

    private static bool MatchFilter(JsonObject view, JsonObject filter)
    {
        if (filter["TagFilter"] is not JsonObject tagFilter)
        {
            return true;
        }

        var tags = view["Tags"] as JsonObject ?? new JsonObject();
        bool Has(JsonNode? condition) =>
            condition is JsonObject c && RecordPath.Text(c["TagKey"]) is { } key
            && tags[key] is { } actual
            && (RecordPath.Text(c["TagValue"]) is not { } expected || RecordPath.Text(actual) == expected);

        if (tagFilter["TagCondition"] is { } single && !Has(single))
        {
            return false;
        }

        if (tagFilter["AndConditions"] is JsonArray and && !and.All(Has))
        {
            return false;
        }

        if (tagFilter["OrConditions"] is JsonArray { Count: > 0 } or
            && !or.Any(group => group is JsonArray all && all.All(Has)))
        {
            return false;
        }

        return true;
    }
}
