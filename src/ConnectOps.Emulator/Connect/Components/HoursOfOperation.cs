using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>Hours of operation: ARN segment operating-hours; one all-fields UpdateHoursOfOperation.</summary>
internal sealed class HoursOfOperationKind : ResourceKind
{
    public HoursOfOperationKind()
    {
        Name = "hours-of-operation";
        ArnSegment = "operating-hours";
        Noun = "Hours of operation";
        ResourceType = "HOURS_OF_OPERATION";
        CreateOperation = "CreateHoursOfOperation";
        DescribeOperation = "DescribeHoursOfOperation";
        DescribeMember = "HoursOfOperation";
        ListOperation = "ListHoursOfOperations";
        ListMember = "HoursOfOperationSummaryList";
        SearchOperation = "SearchHoursOfOperations";
        SearchMember = "HoursOfOperations";
        DeleteOperation = "DeleteHoursOfOperation";
        IdAliases = ["HoursOfOperationId"];
        ArnAliases = ["HoursOfOperationArn"];
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateHoursOfOperation"] = UpdateFacet.Of("Name", "Description", "TimeZone", "Config"),
        };
        Quota = 100;
        SearchFields = new Dictionary<string, string>
        {
            ["name"] = "Name", ["description"] = "Description", ["timezone"] = "TimeZone", ["resourceid"] = "Id",
        };
    }

    public override void OnCreate(ConnectContext ctx, Resource resource) => ValidateConfig(ctx, resource.Data);

    public override void OnUpdate(ConnectContext ctx, Resource resource, JsonObject draft, string operation) => ValidateConfig(ctx, draft);

    /// <summary>A day may appear more than once only with slots that do not overlap; the time zone must look like one.</summary>
    private static void ValidateConfig(ConnectContext ctx, JsonObject data)
    {
        var zone = RecordPath.Text(data["TimeZone"]) ?? string.Empty;
        if (zone.Length == 0 || zone.Contains(' ', StringComparison.Ordinal))
        {
            throw ApiException.Validation(ctx.Call.Operation, $"TimeZone '{zone}' is not a valid time zone.");
        }

        var slots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (data["Config"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = $"{RecordPath.Text(entry["Day"])} {entry["StartTime"]?.ToJsonString()}";
            if (!slots.Add(key))
            {
                throw ApiException.Validation(ctx.Call.Operation, $"Config has two entries for {RecordPath.Text(entry["Day"])} starting at the same time.");
            }
        }
    }
}
