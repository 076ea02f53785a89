using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.HoursOfOperation;

/// <summary>Hours of operation: one UpdateHoursOfOperation carries every field; read with SearchHoursOfOperations.</summary>
public sealed class HoursOfOperationReconciler : Reconciler
{
    private const string HoursFacet = "Hours";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Description") { Facet = HoursFacet },
        new("TimeZone") { Facet = HoursFacet },
        new("Config") { Facet = HoursFacet, Unordered = true },
        ConnectTags.Property,
    ];

    public override Component Component => Component.HoursOfOperation;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    public override string? RenameFacet => HoursFacet;

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.HoursOfOperation.Select(h => new DesiredResource
        {
            Address = h.Address,
            Name = h.Name,
            Spec = h,
            DependsOn = [ResourceAddress.Instance],
            Properties = new JsonObject
            {
                ["Description"] = h.Description ?? "",
                ["TimeZone"] = h.TimeZone,
                ["Config"] = new JsonArray(h.Config.Select(s => (JsonNode)Slot(EnumWire.ToWire(s.Day), s.Start.Hour, s.Start.Minute, s.End.Hour, s.End.Minute)).ToArray()),
                ["Tags"] = TagsNode(config, h.Tags),
            },
        });

    private static JsonObject Slot(string day, int startHours, int startMinutes, int endHours, int endMinutes) => new()
    {
        ["Day"] = day,
        ["Start"] = $"{startHours:00}:{startMinutes:00}",
        ["End"] = $"{endHours:00}:{endMinutes:00}",
    };

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new SearchHoursOfOperationsRequest { InstanceId = context.RequireInstanceId(), MaxResults = 100 };
        await foreach (var h in context.Aws.Connect.Paginators.SearchHoursOfOperations(request).HoursOfOperations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new LiveResource
            {
                Id = h.HoursOfOperationId!,
                Arn = h.HoursOfOperationArn,
                Name = h.Name ?? "",
                IsDefault = BuiltInResources.HoursOfOperation.Contains(h.Name ?? ""),
                Properties = new JsonObject
                {
                    ["Description"] = h.Description ?? "",
                    ["TimeZone"] = h.TimeZone,
                    ["Config"] = new JsonArray((h.Config ?? []).Select(c => (JsonNode)Slot(c.Day ?? "", c.StartTime?.Hours ?? 0, c.StartTime?.Minutes ?? 0, c.EndTime?.Hours ?? 0, c.EndTime?.Minutes ?? 0)).ToArray()),
                    ["Tags"] = ConnectTags.ToNode(h.Tags),
                },
            });
        }
        return result;
    }

    private static List<HoursOfOperationConfig> ConfigOf(JsonObject p) =>
        (p["Config"] as JsonArray ?? []).OfType<JsonObject>().Select(s => new HoursOfOperationConfig
        {
            Day = Str(s, "Day"),
            StartTime = Time(Str(s, "Start")),
            EndTime = Time(Str(s, "End")),
        }).ToList();

    private static HoursOfOperationTimeSlice Time(string? hhmm)
    {
        var parts = (hhmm ?? "00:00").Split(':');
        return new HoursOfOperationTimeSlice { Hours = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), Minutes = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) };
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var response = await context.Aws.Connect.CreateHoursOfOperationAsync(new CreateHoursOfOperationRequest
        {
            InstanceId = context.RequireInstanceId(),
            Name = desired.Name,
            Description = NullIfEmpty(Str(p, "Description")),
            TimeZone = Str(p, "TimeZone"),
            Config = ConfigOf(p),
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = response.HoursOfOperationId!, Arn = response.HoursOfOperationArn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        if (facet == ConnectTags.Facet) return ConnectTags.UpdateAsync(context, arn, desired.Properties, live, cancellationToken);
        var p = desired.Properties;
        return context.Aws.Connect.UpdateHoursOfOperationAsync(new UpdateHoursOfOperationRequest
        {
            InstanceId = context.RequireInstanceId(),
            HoursOfOperationId = id,
            Name = desired.Name,
            Description = Str(p, "Description"),
            TimeZone = Str(p, "TimeZone"),
            Config = ConfigOf(p),
        }, cancellationToken);
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteHoursOfOperationAsync(new DeleteHoursOfOperationRequest { InstanceId = context.RequireInstanceId(), HoursOfOperationId = id }, cancellationToken);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
