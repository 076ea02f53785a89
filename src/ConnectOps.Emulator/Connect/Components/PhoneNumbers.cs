using System.Globalization;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Phone numbers, kept per Region with new-style ARNs (arn:aws:connect:{region}:{acct}:phone-number/{id}).
/// SearchAvailablePhoneNumbers generates deterministic, plausible numbers per country/type/prefix and never offers
/// a claimed one; ClaimPhoneNumber is asynchronous (IN_PROGRESS for a few DescribePhoneNumber polls, then CLAIMED,
/// or FAILED when the admin endpoint set a ClaimFailureReason); at most 5 numbers per instance.
/// </summary>
internal static class PhoneNumberOperations
{
    public const int NumbersPerInstance = 5;

    /// <summary>Calling code, national number length, toll-free prefix, DID prefixes.</summary>
    private static readonly Dictionary<string, (string Code, int Length, string TollFree, string[] Did)> Countries = new(StringComparer.Ordinal)
    {
        ["US"] = ("1", 10, "888", ["206", "312", "415", "512", "646"]),
        ["CA"] = ("1", 10, "833", ["416", "604", "514"]),
        ["GB"] = ("44", 10, "800", ["20", "161", "131", "117"]),
        ["IE"] = ("353", 9, "1800", ["1", "21"]),
        ["DE"] = ("49", 11, "800", ["30", "89", "40"]),
        ["FR"] = ("33", 9, "805", ["1", "4"]),
        ["ES"] = ("34", 9, "900", ["91", "93"]),
        ["IT"] = ("39", 10, "800", ["02", "06"]),
        ["NL"] = ("31", 9, "800", ["20", "10"]),
        ["AU"] = ("61", 9, "1800", ["2", "3", "7"]),
        ["NZ"] = ("64", 9, "800", ["9", "4"]),
        ["JP"] = ("81", 10, "120", ["3", "6"]),
        ["SG"] = ("65", 8, "800", ["6"]),
        ["IN"] = ("91", 10, "1800", ["22", "80"]),
        ["ZA"] = ("27", 9, "800", ["10", "21"]),
        ["BR"] = ("55", 10, "800", ["11", "21"]),
        ["MX"] = ("52", 10, "800", ["55", "33"]),
    };

    public static void Register(HandlerRegistry registry, ResourceCatalog catalog)
    {
        void Add(string operation, Func<ConnectContext, JsonObject> handler) =>
            registry.Add(ServiceModels.Connect, operation, call => handler(new ConnectContext(call, catalog)));

        Add("SearchAvailablePhoneNumbers", SearchAvailable);
        Add("ClaimPhoneNumber", Claim);
        Add("DescribePhoneNumber", Describe);
        Add("ListPhoneNumbersV2", ListV2);
        Add("ListPhoneNumbers", ListLegacy);
        Add("UpdatePhoneNumber", Retarget);
        Add("UpdatePhoneNumberMetadata", UpdateMetadata);
        Add("AssociatePhoneNumberContactFlow", AssociateFlow);
        Add("DisassociatePhoneNumberContactFlow", DisassociateFlow);
        Add("ReleasePhoneNumber", Release);
        Add("ListFlowAssociations", ListFlowAssociations);
    }

    private static JsonObject SearchAvailable(ConnectContext ctx)
    {
        _ = Target(ctx);
        var country = ctx.Call.RequireString("PhoneNumberCountryCode");
        var type = ctx.Call.RequireString("PhoneNumberType");
        var prefix = ctx.Call.GetString("PhoneNumberPrefix");
        var claimed = ctx.Region.PhoneNumbers.Values.Select(p => RecordPath.Text(p.Data["PhoneNumber"])).ToHashSet(StringComparer.Ordinal);
        var numbers = Candidates(country, type, prefix).Where(n => !claimed.Contains(n)).Take(50).ToList();
        var (page, next) = Paging.Page(ctx.Call, numbers);
        return new JsonObject
        {
            ["AvailableNumbersList"] = new JsonArray(page.Select(n => (JsonNode?)new JsonObject
            {
                ["PhoneNumber"] = n, ["PhoneNumberCountryCode"] = country, ["PhoneNumberType"] = type,
            }).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static JsonObject Claim(ConnectContext ctx)
    {
        var call = ctx.Call;
        var instance = Target(ctx);
        var number = call.RequireString("PhoneNumber");
        if (!number.StartsWith('+') || number.Length < 8 || !number[1..].All(char.IsAsciiDigit))
        {
            throw ApiException.InvalidParameter($"PhoneNumber '{number}' is not an E.164 number.");
        }

        if (ctx.Region.PhoneNumbers.Values.Any(p => RecordPath.Text(p.Data["PhoneNumber"]) == number))
        {
            throw ApiException.InvalidParameter($"PhoneNumber {number} is not available: it is already claimed.");
        }

        if (call.Config.Current.ResourceQuotasOn
            && ctx.Region.PhoneNumbers.Values.Count(p => RecordPath.Text(p.Data["InstanceId"]) == instance.Record.Id) >= NumbersPerInstance)
        {
            throw ApiException.QuotaExceeded($"The quota of {NumbersPerInstance} phone numbers per instance has been reached.");
        }

        var (country, type) = Classify(number);
        var id = Guid.NewGuid().ToString();
        var arn = $"arn:aws:connect:{call.Region}:{call.Account}:phone-number/{id}";
        var data = new JsonObject
        {
            ["PhoneNumberId"] = id,
            ["PhoneNumberArn"] = arn,
            ["PhoneNumber"] = number,
            ["PhoneNumberCountryCode"] = country,
            ["PhoneNumberType"] = type,
            ["PhoneNumberDescription"] = call.GetString("PhoneNumberDescription"),
            ["Tags"] = call.GetObject("Tags")?.DeepClone(),
        };
        StartTransition(ctx, data, instance, call.Config.TakeClaimFailureReason());
        ctx.Region.PhoneNumbers[id] = new Resource { Id = id, Arn = arn, Seq = call.State.NextSequence(), Data = data };
        return new JsonObject { ["PhoneNumberId"] = id, ["PhoneNumberArn"] = arn };
    }

    private static JsonObject Describe(ConnectContext ctx)
    {
        var number = Find(ctx);
        var data = number.Data;
        if (RecordPath.Text(data["PhoneNumberStatus"]?["Status"]) == "IN_PROGRESS")
        {
            var pending = JsonNumbers.Int(data["PendingPolls"]) ?? 0;
            if (pending > 0)
            {
                data["PendingPolls"] = pending - 1;
            }
            else
            {
                var failure = RecordPath.Text(data["FailureReason"]);
                data["PhoneNumberStatus"] = failure is null
                    ? new JsonObject { ["Status"] = "CLAIMED" }
                    : new JsonObject { ["Status"] = "FAILED", ["Message"] = failure };
            }
        }

        return new JsonObject { ["ClaimedPhoneNumberSummary"] = data.DeepClone() };
    }

    private static JsonObject ListV2(ConnectContext ctx)
    {
        var call = ctx.Call;
        string? instanceId = null;
        if (call.GetString("TargetArn") is not null || call.GetString("InstanceId") is not null)
        {
            instanceId = Target(ctx).Record.Id;
        }

        var countries = call.GetArray("PhoneNumberCountryCodes")?.Select(RecordPath.Text).ToHashSet(StringComparer.Ordinal);
        var types = call.GetArray("PhoneNumberTypes")?.Select(RecordPath.Text).ToHashSet(StringComparer.Ordinal);
        var prefix = call.GetString("PhoneNumberPrefix");
        var numbers = ctx.Region.PhoneNumbers.Values.OrderBy(p => p.Seq)
            .Where(p => instanceId is null || RecordPath.Text(p.Data["InstanceId"]) == instanceId)
            .Where(p => countries is not { Count: > 0 } || countries.Contains(RecordPath.Text(p.Data["PhoneNumberCountryCode"])))
            .Where(p => types is not { Count: > 0 } || types.Contains(RecordPath.Text(p.Data["PhoneNumberType"])))
            .Where(p => prefix is null || (RecordPath.Text(p.Data["PhoneNumber"]) ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var (page, next) = Paging.Page(call, numbers);
        return new JsonObject
        {
            ["ListPhoneNumbersSummaryList"] = new JsonArray(page.Select(p => (JsonNode?)p.Data.DeepClone()).ToArray()),
            ["NextToken"] = next,
        };
    }

    /// <summary>The legacy list: per instance, with old-style ARNs under the instance.</summary>
    private static JsonObject ListLegacy(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        var types = ctx.Call.GetArray("PhoneNumberTypes")?.Select(RecordPath.Text).ToHashSet(StringComparer.Ordinal);
        var countries = ctx.Call.GetArray("PhoneNumberCountryCodes")?.Select(RecordPath.Text).ToHashSet(StringComparer.Ordinal);
        var numbers = ctx.Region.PhoneNumbers.Values.OrderBy(p => p.Seq)
            .Where(p => RecordPath.Text(p.Data["InstanceId"]) == instance.Record.Id)
            .Where(p => types is not { Count: > 0 } || types.Contains(RecordPath.Text(p.Data["PhoneNumberType"])))
            .Where(p => countries is not { Count: > 0 } || countries.Contains(RecordPath.Text(p.Data["PhoneNumberCountryCode"])))
            .ToList();
        var (page, next) = Paging.Page(ctx.Call, numbers);
        return new JsonObject
        {
            ["PhoneNumberSummaryList"] = new JsonArray(page.Select(p => (JsonNode?)new JsonObject
            {
                ["Id"] = p.Id,
                ["Arn"] = $"{instance.Record.Arn}/phone-number/{p.Id}",
                ["PhoneNumber"] = p.Data["PhoneNumber"]?.DeepClone(),
                ["PhoneNumberType"] = p.Data["PhoneNumberType"]?.DeepClone(),
                ["PhoneNumberCountryCode"] = p.Data["PhoneNumberCountryCode"]?.DeepClone(),
            }).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static JsonObject Retarget(ConnectContext ctx)
    {
        var number = Find(ctx);
        var instance = Target(ctx);
        StartTransition(ctx, number.Data, instance, failure: null);
        number.Data.Remove("ContactFlowId");
        return new JsonObject { ["PhoneNumberId"] = number.Id, ["PhoneNumberArn"] = number.Arn };
    }

    private static JsonObject UpdateMetadata(ConnectContext ctx)
    {
        var number = Find(ctx);
        if (ctx.Call.GetString("PhoneNumberDescription") is { } description)
        {
            number.Data["PhoneNumberDescription"] = description;
        }

        return new JsonObject();
    }

    private static JsonObject AssociateFlow(ConnectContext ctx)
    {
        var number = Find(ctx);
        var flowId = ctx.Call.RequireString("ContactFlowId");
        var flow = ctx.Get("contact-flow", flowId);
        if (RecordPath.Text(number.Data["InstanceId"]) != ctx.Instance.Record.Id)
        {
            throw ApiException.InvalidParameter($"Phone number {number.Id} is not claimed to instance {ctx.Instance.Record.Id}.");
        }

        number.Data["ContactFlowId"] = flow.Id;
        return new JsonObject();
    }

    private static JsonObject DisassociateFlow(ConnectContext ctx)
    {
        var number = Find(ctx);
        _ = ctx.Instance;
        if (number.Data["ContactFlowId"] is null)
        {
            throw ApiException.NotFound($"Phone number {number.Id} has no contact flow associated.");
        }

        number.Data.Remove("ContactFlowId");
        return new JsonObject();
    }

    /// <summary>
    /// The instance's flow associations. The emulator keeps only voice numbers' inbound flows (set by
    /// AssociatePhoneNumberContactFlow), so other resource types list nothing. Resource and flow are ARNs.
    /// </summary>
    private static JsonObject ListFlowAssociations(ConnectContext ctx)
    {
        var instance = ctx.Instance;
        var type = ctx.Call.GetString("ResourceType");
        var numbers = type is null or "VOICE_PHONE_NUMBER"
            ? ctx.Region.PhoneNumbers.Values.OrderBy(p => p.Seq)
                .Where(p => RecordPath.Text(p.Data["InstanceId"]) == instance.Record.Id && RecordPath.Text(p.Data["ContactFlowId"]) is not null)
                .ToList()
            : [];
        var (page, next) = Paging.Page(ctx.Call, numbers);
        return new JsonObject
        {
            ["FlowAssociationSummaryList"] = new JsonArray(page.Select(p => (JsonNode?)new JsonObject
            {
                ["ResourceId"] = p.Arn,
                ["FlowId"] = $"{instance.Record.Arn}/contact-flow/{RecordPath.Text(p.Data["ContactFlowId"])}",
                ["ResourceType"] = "VOICE_PHONE_NUMBER",
            }).ToArray()),
            ["NextToken"] = next,
        };
    }

    private static JsonObject Release(ConnectContext ctx)
    {
        var number = Find(ctx);
        ctx.Region.PhoneNumbers.Remove(number.Id);
        return new JsonObject();
    }

    private static void StartTransition(ConnectContext ctx, JsonObject data, InstanceState instance, string? failure)
    {
        data["TargetArn"] = instance.Record.Arn;
        data["InstanceId"] = instance.Record.Id;
        data["PhoneNumberStatus"] = new JsonObject { ["Status"] = "IN_PROGRESS" };
        data["PendingPolls"] = ctx.Call.Config.Current.AsyncPolls;
        data["FailureReason"] = failure;
    }

    /// <summary>The instance a TargetArn or InstanceId names; one of them is required.</summary>
    private static InstanceState Target(ConnectContext ctx)
    {
        var target = ctx.Call.GetString("TargetArn") ?? ctx.Call.GetString("InstanceId")
            ?? throw ApiException.InvalidParameter("One of TargetArn or InstanceId is required.");
        if (target.StartsWith("arn:", StringComparison.Ordinal) && !target.Contains(":instance/", StringComparison.Ordinal))
        {
            throw ApiException.NotFound($"Target {target} was not found (the emulator has no traffic distribution groups).");
        }

        return ctx.FindInstance(target);
    }

    private static Resource Find(ConnectContext ctx)
    {
        var id = RecordPath.IdOf(ctx.Call.RequireString("PhoneNumberId"));
        return ctx.Region.PhoneNumbers.TryGetValue(id, out var number)
            ? number
            : throw ApiException.NotFound($"Phone number {id} was not found in {ctx.Call.Region}.");
    }

    /// <summary>Deterministic numbers for a country/type/prefix: the same query always offers the same numbers.</summary>
    private static IEnumerable<string> Candidates(string country, string type, string? prefix)
    {
        var (code, length, tollFree, did) = Countries.TryGetValue(country, out var known)
            ? known
            : ((Stable(country) % 900 + 100).ToString(CultureInfo.InvariantCulture), 9, "800", ["2"]);
        var nationalPrefixes = type.Contains("TF", StringComparison.Ordinal) || type is "TOLL_FREE" or "UIFN" ? [tollFree] : did;
        if (prefix is not null)
        {
            var digits = prefix.TrimStart('+');
            if (!digits.StartsWith(code, StringComparison.Ordinal) && !code.StartsWith(digits, StringComparison.Ordinal))
            {
                yield break;
            }

            var national = digits.Length > code.Length ? digits[code.Length..] : string.Empty;
            if (nationalPrefixes.Length == 1 && nationalPrefixes[0] == tollFree)
            {
                // A toll-free search only offers toll-free numbers: a prefix shorter than the toll-free range ("+4480")
                // narrows to it, one inside it ("+448001") is kept, any other has none.
                if (tollFree.StartsWith(national, StringComparison.Ordinal)) national = tollFree;
                else if (!national.StartsWith(tollFree, StringComparison.Ordinal)) yield break;
            }
            nationalPrefixes = [national];
        }

        var seed = Stable($"{country}|{type}|{prefix}");
        for (var i = 0; i < 200; i++)
        {
            var national = nationalPrefixes[i % nationalPrefixes.Length];
            var rest = length - national.Length;
            if (rest <= 0)
            {
                yield break;
            }

            var modulus = (long)Math.Pow(10, Math.Min(rest, 15));
            var value = (seed + (i * 7_919_993L) + 1_234_567) % modulus;
            yield return $"+{code}{national}{value.ToString(CultureInfo.InvariantCulture).PadLeft(rest, '0')}";
        }
    }

    private static (string Country, string Type) Classify(string number)
    {
        foreach (var (country, (code, length, tollFree, _)) in Countries)
        {
            var digits = number[1..];
            if (digits.StartsWith(code, StringComparison.Ordinal) && digits.Length == code.Length + length)
            {
                return (country, digits[code.Length..].StartsWith(tollFree, StringComparison.Ordinal) ? "TOLL_FREE" : "DID");
            }
        }

        return ("US", "DID");
    }

    private static long Stable(string text)
    {
        unchecked
        {
            var hash = 1469598103934665603L;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211L;
            }

            return hash & long.MaxValue;
        }
    }
}
