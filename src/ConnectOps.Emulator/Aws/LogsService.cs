using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Aws;

/// <summary>The CloudWatch Logs subset for the contact-flow log group: groups, retention, tags (current and legacy calls).</summary>
internal static class LogsService
{
    public static readonly int[] RetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static void Register(HandlerRegistry registry)
    {
        var model = ServiceModels.Logs;
        registry.Add(model, "CreateLogGroup", CreateLogGroup);
        registry.Add(model, "DeleteLogGroup", call =>
        {
            var group = Group(call, call.RequireString("logGroupName"));
            Groups(call).Remove(RecordPath.Text(group["logGroupName"])!);
            return null;
        });
        registry.Add(model, "DescribeLogGroups", call =>
        {
            var prefix = call.GetString("logGroupNamePrefix") ?? string.Empty;
            var groups = Groups(call).Values.Where(g => RecordPath.Text(g["logGroupName"])!.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(g => RecordPath.Text(g["logGroupName"]), StringComparer.Ordinal).ToList();
            var (page, next) = Paging.Page(call, groups, "limit", "nextToken");
            return new JsonObject { ["logGroups"] = new JsonArray(page.Select(g => (JsonNode?)g.DeepClone()).ToArray()), ["nextToken"] = next };
        });
        registry.Add(model, "PutRetentionPolicy", call =>
        {
            var group = Group(call, call.RequireString("logGroupName"));
            var days = call.GetInt("retentionInDays") ?? 0;
            if (!RetentionDays.Contains(days))
            {
                throw new ApiException("InvalidParameterException", $"1 validation error detected: Value '{days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", RetentionDays)}]");
            }

            group["retentionInDays"] = days;
            return null;
        });
        registry.Add(model, "DeleteRetentionPolicy", call =>
        {
            Group(call, call.RequireString("logGroupName")).Remove("retentionInDays");
            return null;
        });
        registry.Add(model, "TagResource", call => AddTags(GroupByArn(call), call.GetObject("tags")));
        registry.Add(model, "UntagResource", call => RemoveTags(GroupByArn(call), call.GetArray("tagKeys")));
        registry.Add(model, "ListTagsForResource", call => new JsonObject { ["tags"] = Tags(GroupByArn(call)).DeepClone() });
        registry.Add(model, "TagLogGroup", call => AddTags(Group(call, call.RequireString("logGroupName")), call.GetObject("tags")));
        registry.Add(model, "UntagLogGroup", call => RemoveTags(Group(call, call.RequireString("logGroupName")), call.GetArray("tags")));
        registry.Add(model, "ListTagsLogGroup", call => new JsonObject { ["tags"] = Tags(Group(call, call.RequireString("logGroupName"))).DeepClone() });
    }

    private static JsonObject? CreateLogGroup(ApiCall call)
    {
        var name = call.RequireString("logGroupName");
        var groups = Groups(call);
        if (groups.ContainsKey(name))
        {
            throw new ApiException("ResourceAlreadyExistsException", "The specified log group already exists");
        }

        var arn = $"arn:aws:logs:{call.Region}:{call.Account}:log-group:{name}";
        groups[name] = new JsonObject
        {
            ["logGroupName"] = name,
            ["creationTime"] = call.Now.ToUnixTimeMilliseconds(),
            ["metricFilterCount"] = 0,
            ["arn"] = arn + ":*",
            ["logGroupArn"] = arn,
            ["storedBytes"] = 0,
            ["logGroupClass"] = call.GetString("logGroupClass") ?? "STANDARD",
            ["kmsKeyId"] = call.GetString("kmsKeyId"),
            ["tags"] = call.GetObject("tags")?.DeepClone() ?? new JsonObject(),
        };
        return null;
    }

    private static JsonObject? AddTags(JsonObject group, JsonObject? tags)
    {
        var current = Tags(group);
        foreach (var (key, value) in tags ?? new JsonObject())
        {
            current[key] = value?.DeepClone();
        }

        group["tags"] = current;
        return null;
    }

    private static JsonObject? RemoveTags(JsonObject group, JsonArray? keys)
    {
        var current = Tags(group);
        foreach (var key in keys ?? [])
        {
            current.Remove(RecordPath.Text(key)!);
        }

        group["tags"] = current;
        return null;
    }

    private static JsonObject Tags(JsonObject group) => group["tags"] as JsonObject ?? new JsonObject();

    private static Dictionary<string, JsonObject> Groups(ApiCall call) => call.State.Region(call.Region).LogGroups;

    private static JsonObject Group(ApiCall call, string name) =>
        Groups(call).TryGetValue(name, out var group)
            ? group
            : throw new ApiException("ResourceNotFoundException", "The specified log group does not exist.");

    private static JsonObject GroupByArn(ApiCall call)
    {
        var arn = call.RequireString("resourceArn");
        var trimmed = arn.EndsWith(":*", StringComparison.Ordinal) ? arn[..^2] : arn;
        return Groups(call).Values.FirstOrDefault(g => RecordPath.Text(g["logGroupArn"]) == trimmed)
            ?? throw new ApiException("ResourceNotFoundException", $"The specified resource {arn} does not exist.");
    }
}
