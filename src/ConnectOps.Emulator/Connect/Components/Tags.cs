using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>TagResource / UntagResource / ListTagsForResource on every taggable ARN: instances, their resources, phone numbers.</summary>
internal static class TagOperations
{
    public const int MaxTags = 50;

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog)
    {
        registry.Add(ServiceModels.Connect, "TagResource", call => Tag(new ConnectContext(call, catalog)));
        registry.Add(ServiceModels.Connect, "UntagResource", call => Untag(new ConnectContext(call, catalog)));
        registry.Add(ServiceModels.Connect, "ListTagsForResource", call => new JsonObject { ["tags"] = Tags(Find(new ConnectContext(call, catalog))).DeepClone() });
    }

    private static JsonObject Tag(ConnectContext ctx)
    {
        var resource = Find(ctx);
        var tags = Tags(resource);
        foreach (var (key, value) in ctx.Call.GetObject("tags") ?? new JsonObject())
        {
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiException.InvalidParameter($"Tag key '{key}' uses the reserved prefix aws:.");
            }

            tags[key] = value?.DeepClone();
        }

        if (tags.Count > MaxTags)
        {
            throw ApiException.InvalidParameter($"A resource can have at most {MaxTags} tags.");
        }

        resource.Data["Tags"] = tags;
        return new JsonObject();
    }

    private static JsonObject Untag(ConnectContext ctx)
    {
        var resource = Find(ctx);
        var tags = Tags(resource);
        foreach (var key in ctx.Call.GetArray("tagKeys") ?? [])
        {
            tags.Remove(RecordPath.Text(key)!);
        }

        resource.Data["Tags"] = tags;
        return new JsonObject();
    }

    private static JsonObject Tags(Resource resource) => resource.Data["Tags"] as JsonObject ?? new JsonObject();

    private static Resource Find(ConnectContext ctx)
    {
        var arn = ctx.Call.RequireString("resourceArn");
        foreach (var instance in ctx.Region.Instances.Values)
        {
            if (instance.Record.Arn == arn)
            {
                return instance.Record;
            }

            foreach (var resources in instance.Resources.Values)
            {
                if (resources.Values.FirstOrDefault(r => r.Arn == arn) is { } found)
                {
                    return found;
                }
            }
        }

        return ctx.Region.PhoneNumbers.Values.FirstOrDefault(p => p.Arn == arn)
            ?? throw ApiException.NotFound($"Resource {arn} was not found in {ctx.Call.Region}.");
    }
}
