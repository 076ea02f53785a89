using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.PhoneNumbers;

/// <summary>
/// Phone numbers, keyed by config map key. A number is claimed by country and type (optionally a prefix) or as an
/// exact E.164 number: SearchAvailablePhoneNumbers, ClaimPhoneNumber (TargetArn = the instance, ClientToken), then
/// DescribePhoneNumber until CLAIMED (FAILED is reported with its reason). Searches and claims of one apply are
/// serialized and remember what they took, so parallel claims never pick the same number; a number taken by
/// someone else in between is skipped for the next candidate. An exact number already claimed to the instance is
/// adopted. Facets: inbound flow (AssociatePhoneNumberContactFlow / DisassociatePhoneNumberContactFlow), description
/// (UpdatePhoneNumberMetadata), tags. Country, type or exact number changes replace the number, and releasing is
/// irreversible: apply refuses both unless AllowDestroy names PhoneNumbers (the planner and executor enforce it).
/// <para>Read: ListPhoneNumbersV2 (the instance's numbers, 1,000 a page) and ListFlowAssociations
/// (VOICE_PHONE_NUMBER: every number's inbound flow in one page) — neither the list nor DescribePhoneNumber carries
/// the flow. Tags are only on DescribePhoneNumber (one call per number), so a plan compares a number's tags with
/// what the last apply wrote, as it does for what other bulk reads lack; tags changed outside ConnectOps are not
/// seen. DescribePhoneNumber is called only while claiming, and when a configured number is missing from state.</para>
/// <para>A claim is tagged <c>connectops:address</c>, so a number whose claim response (or state write) was lost is
/// found and adopted by the next plan instead of claiming a second one.</para>
/// </summary>
public sealed class PhoneNumberReconciler : Reconciler
{
    private const string DescriptionFacet = "Description";
    private const string FlowFacet = "ContactFlow";
    private const string IdentityFacet = "Identity";

    /// <summary>The tag that ties a claimed number to its config key until state records it.</summary>
    public const string AddressTag = "connectops:address";

    private const int CandidatesPerSearch = 10;
    private const int MaxClaimPolls = 900;

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("CountryCode") { Facet = IdentityFacet, ForcesReplacement = true, ReplaceReason = "a number's country cannot change: another number would be claimed and this one released" },
        new("Type") { Facet = IdentityFacet, ForcesReplacement = true, ReplaceReason = "a number's type cannot change: another number would be claimed and this one released" },
        new("PhoneNumber") { Facet = IdentityFacet, ForcesReplacement = true, ReplaceReason = "another exact number is configured: it would be claimed and this one released" },
        new("Description") { Facet = DescriptionFacet },
        new("ContactFlow") { Facet = FlowFacet, References = Component.ContactFlows },
        ConnectTags.Property,
    ];

    private sealed class ClaimSession
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public HashSet<string> Taken { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One claim session per plan/apply context: searches and claims within it never overlap.</summary>
    private static readonly ConditionalWeakTable<ReconcileContext, ClaimSession> Sessions = new();

    public override Component Component => Component.PhoneNumbers;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    // A claim searches, claims and polls DescribePhoneNumber; releasing (Delete) needs AllowDestroy.
    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("ListPhoneNumbersV2 ListFlowAssociations DescribePhoneNumber"),
        Write = [.. ComponentCalls.Connect("SearchAvailablePhoneNumbers ClaimPhoneNumber DescribePhoneNumber AssociatePhoneNumberContactFlow DisassociatePhoneNumberContactFlow UpdatePhoneNumberMetadata"), .. ConnectTags.Calls],
        Delete = ComponentCalls.Connect("ReleasePhoneNumber"),
    };

    public override ComponentCalls Calls => CallTable;

    public override bool ReplaceNeedsAllowDestroy => true;

    public override IReadOnlyList<string> KeepInState => ["PhoneNumber"];

    /// <summary>The name a number claimed for <paramref name="key"/> is found by (its address tag) until state has it.</summary>
    public static string MarkerName(string key) => $"{AddressTag}=PhoneNumbers/{key}";

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.PhoneNumbers.Select(n =>
        {
            return new DesiredResource
            {
                Address = n.Address,
                // An exact number is adopted by its number; any other by the tag its claim carries.
                Name = n.PhoneNumber ?? MarkerName(n.Key),
                Spec = n,
                DependsOn = Dependencies.Of(config, Dependencies.Ref(Component.ContactFlows, n.ContactFlow)),
                Properties = new JsonObject
                {
                    ["CountryCode"] = n.CountryCode,
                    ["Type"] = EnumWire.ToWire(n.Type),
                    ["PhoneNumber"] = n.PhoneNumber,
                    ["Prefix"] = n.Prefix,
                    ["Description"] = n.Description ?? "",
                    ["ContactFlow"] = n.ContactFlow ?? "",
                    ["Tags"] = TagsNode(config, n.Tags),
                },
            };
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        var connect = context.Aws.Connect;
        var numbers = new List<ListPhoneNumbersSummary>();
        var list = context.InstanceArn is { } arn
            ? new ListPhoneNumbersV2Request { TargetArn = arn, MaxResults = 1000 }
            : new ListPhoneNumbersV2Request { InstanceId = instanceId, MaxResults = 1000 };
        await foreach (var n in connect.Paginators.ListPhoneNumbersV2(list).ListPhoneNumbersSummaryList.WithCancellation(cancellationToken).ConfigureAwait(false))
            numbers.Add(n);
        if (numbers.Count == 0) return [];

        // Every number's inbound flow in one list: resource and flow come as ARNs (or ids).
        var flows = new Dictionary<string, string>(StringComparer.Ordinal);
        var associations = new ListFlowAssociationsRequest { InstanceId = instanceId, ResourceType = "VOICE_PHONE_NUMBER", MaxResults = 1000 };
        await foreach (var a in connect.Paginators.ListFlowAssociations(associations).FlowAssociationSummaryList.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (a.ResourceId is { } resource && a.FlowId is { } flowId) flows[resource] = FlowIdOf(flowId);
        }

        // Tags only come from DescribePhoneNumber, one call per number. A plan does not make them: a number's tags
        // compare with what the last apply wrote (the planner fills what a bulk read lacks from state). Only when a
        // configured number is missing from state are the numbers state does not know described, for the claim tag.
        var exact = context.Config.PhoneNumbers.Where(n => n.PhoneNumber is not null).Select(n => n.PhoneNumber!).ToHashSet(StringComparer.Ordinal);
        var lookingForLostClaims = context.Config.PhoneNumbers.Any(n => n.PhoneNumber is null && !context.Ids.TryGetId(Component.PhoneNumbers, n.Key, out _));
        var described = new Dictionary<string, ClaimedPhoneNumberSummary>(StringComparer.Ordinal);
        await Task.WhenAll(numbers.Where(n => lookingForLostClaims && context.Ids.KeyOf(Component.PhoneNumbers, n.PhoneNumberId!) is null).Select(async n =>
        {
            var d = await connect.DescribePhoneNumberAsync(new DescribePhoneNumberRequest { PhoneNumberId = n.PhoneNumberId }, cancellationToken).ConfigureAwait(false);
            if (d.ClaimedPhoneNumberSummary is { } summary)
            {
                lock (described) described[n.PhoneNumberId!] = summary;
            }
        })).ConfigureAwait(false);

        return numbers.Select(n =>
        {
            var summary = described.GetValueOrDefault(n.PhoneNumberId!);
            var tags = summary?.Tags is { } t ? new Dictionary<string, string>(t, StringComparer.Ordinal) : null;
            string? marker = null;
            // A failed claim is not a number to adopt: the next apply claims again.
            if (tags is not null && tags.Remove(AddressTag, out var tagged) && summary?.PhoneNumberStatus?.Status != "FAILED") marker = $"{AddressTag}={tagged}";
            var number = n.PhoneNumber ?? "";
            var properties = new JsonObject
            {
                ["CountryCode"] = n.PhoneNumberCountryCode,
                ["Type"] = n.PhoneNumberType,
                ["PhoneNumber"] = number,
                ["Description"] = n.PhoneNumberDescription ?? "",
                ["ContactFlow"] = flows.GetValueOrDefault(n.PhoneNumberArn ?? "") ?? flows.GetValueOrDefault(n.PhoneNumberId ?? "") ?? "",
            };
            if (tags is not null) properties["Tags"] = ConnectTags.ToNode(tags);
            return new LiveResource
            {
                Id = n.PhoneNumberId!,
                Arn = n.PhoneNumberArn,
                Name = exact.Contains(number) ? number : marker ?? number,
                Properties = properties,
            };
        }).ToList();
    }

    /// <summary>A flow ARN's id (…/contact-flow/{id}); an id stays as it is.</summary>
    private static string FlowIdOf(string flow)
    {
        var i = flow.LastIndexOf("/contact-flow/", StringComparison.Ordinal);
        return i < 0 ? flow : flow[(i + "/contact-flow/".Length)..];
    }

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var session = Sessions.GetValue(context, _ => new ClaimSession());
        string number, id;
        string? arn;
        await session.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (number, id, arn) = Str(p, "PhoneNumber") is { Length: > 0 } exact
                ? await ClaimAsync(context, desired, exact, cancellationToken).ConfigureAwait(false)
                : await ClaimAvailableAsync(context, desired, session, cancellationToken).ConfigureAwait(false);
            session.Taken.Add(number);
        }
        finally
        {
            session.Gate.Release();
        }
        context.Host.WriteVerbose($"{desired.Address}: claimed {number} ({id}); waiting for it to be CLAIMED.");
        await WaitClaimedAsync(context, desired.Address, id, number, cancellationToken).ConfigureAwait(false);

        if (Str(p, "ContactFlow") is { Length: > 0 } flow)
        {
            await context.Aws.Connect.AssociatePhoneNumberContactFlowAsync(new AssociatePhoneNumberContactFlowRequest
            {
                PhoneNumberId = id, InstanceId = context.RequireInstanceId(), ContactFlowId = context.IdOf(Component.ContactFlows, flow),
            }, cancellationToken).ConfigureAwait(false);
        }
        var live = (JsonObject)p.DeepClone();
        live["PhoneNumber"] = number;
        return new LiveResource { Id = id, Arn = arn, Name = number, Properties = live };
    }

    /// <summary>Searches and claims the first candidate nobody (in this apply or elsewhere) took first.</summary>
    private static async Task<(string Number, string Id, string? Arn)> ClaimAvailableAsync(ReconcileContext context, DesiredResource desired, ClaimSession session, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var search = new SearchAvailablePhoneNumbersRequest
        {
            PhoneNumberCountryCode = Str(p, "CountryCode"),
            PhoneNumberType = Str(p, "Type"),
            PhoneNumberPrefix = Prefix(Str(p, "Prefix")),
            MaxResults = CandidatesPerSearch,
        };
        if (context.InstanceArn is { } instanceArn) search.TargetArn = instanceArn;
        else search.InstanceId = context.RequireInstanceId();
        var response = await context.Aws.Connect.SearchAvailablePhoneNumbersAsync(search, cancellationToken).ConfigureAwait(false);
        var candidates = (response.AvailableNumbersList ?? []).Select(a => a.PhoneNumber).OfType<string>().Where(n => !session.Taken.Contains(n)).ToList();
        var refused = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                return await ClaimAsync(context, desired, candidate, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex) when (IsTaken(ex))
            {
                // Claimed by someone else since the search: try the next one.
                context.Host.WriteVerbose($"{desired.Address}: {candidate} was taken before it could be claimed ({ex.ErrorCode}); trying the next number.");
                session.Taken.Add(candidate);
                refused.Add(candidate);
            }
        }
        var what = $"{Str(p, "CountryCode")} {Str(p, "Type")}" + (Str(p, "Prefix") is { } prefix ? $" numbers starting {prefix}" : " numbers");
        throw new ReconcileException(candidates.Count == 0
            ? $"{desired.Address}: Amazon Connect has no {what} available right now. Try another Prefix or Type, or ask AWS Support for numbers in this country."
            : $"{desired.Address}: every {what} offered ({string.Join(", ", refused)}) was claimed by someone else first. Apply again.");
    }

    private static async Task<(string Number, string Id, string? Arn)> ClaimAsync(ReconcileContext context, DesiredResource desired, string number, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var tags = ConnectTags.ToRequest(p) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if (Str(p, "PhoneNumber") is not { Length: > 0 }) tags[AddressTag] = $"PhoneNumbers/{desired.Address.Key}";
        var request = new ClaimPhoneNumberRequest
        {
            PhoneNumber = number,
            PhoneNumberDescription = Str(p, "Description") is { Length: > 0 } description ? description : null,
            Tags = tags.Count > 0 ? tags : null,
            ClientToken = Guid.NewGuid().ToString(),
        };
        if (context.InstanceArn is { } instanceArn) request.TargetArn = instanceArn;
        else request.InstanceId = context.RequireInstanceId();
        var response = await context.Aws.Connect.ClaimPhoneNumberAsync(request, cancellationToken).ConfigureAwait(false);
        return (number, response.PhoneNumberId!, response.PhoneNumberArn);
    }

    /// <summary>The claim lost a race for the number (not a request that would fail for any number).</summary>
    private static bool IsTaken(AmazonServiceException ex) =>
        ex.ErrorCode is "ResourceConflictException" or "ResourceInUseException" or "IdempotencyException"
        || (ex.ErrorCode == "InvalidParameterException"
            && (ex.Message.Contains("not available", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("already claimed", StringComparison.OrdinalIgnoreCase)));

    private static string? Prefix(string? prefix) => prefix is null ? null : prefix.StartsWith('+') ? prefix : "+" + prefix;

    /// <summary>Polls DescribePhoneNumber until the claim is CLAIMED; FAILED stops with the service's reason.</summary>
    private static async Task WaitClaimedAsync(ReconcileContext context, ResourceAddress address, string id, string number, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < MaxClaimPolls; poll++)
        {
            var d = await context.Aws.Connect.DescribePhoneNumberAsync(new DescribePhoneNumberRequest { PhoneNumberId = id }, cancellationToken).ConfigureAwait(false);
            var status = d.ClaimedPhoneNumberSummary?.PhoneNumberStatus;
            switch (status?.Status)
            {
                case "CLAIMED":
                    return;
                case "FAILED":
                    throw new ReconcileException(
                        $"{address}: claiming {number} failed: {status.Message ?? "no reason given"}. The failed claim stays for a day; " +
                        "apply again to retry, or remove the number from the config.");
            }
            await context.Delay(context.PollInterval, cancellationToken).ConfigureAwait(false);
        }
        throw new ReconcileException($"{address}: {number} was still being claimed after {MaxClaimPolls} polls. Apply again later; the claim is recorded and will be checked.");
    }

    public override async Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var connect = context.Aws.Connect;
        switch (facet)
        {
            case DescriptionFacet:
                await connect.UpdatePhoneNumberMetadataAsync(new UpdatePhoneNumberMetadataRequest
                {
                    PhoneNumberId = id, PhoneNumberDescription = Str(p, "Description") ?? "",
                }, cancellationToken).ConfigureAwait(false);
                break;
            case FlowFacet:
                if (Str(p, "ContactFlow") is { Length: > 0 } flow)
                {
                    await connect.AssociatePhoneNumberContactFlowAsync(new AssociatePhoneNumberContactFlowRequest
                    {
                        PhoneNumberId = id, InstanceId = context.RequireInstanceId(), ContactFlowId = context.IdOf(Component.ContactFlows, flow),
                    }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await connect.DisassociatePhoneNumberContactFlowAsync(new DisassociatePhoneNumberContactFlowRequest
                    {
                        PhoneNumberId = id, InstanceId = context.RequireInstanceId(),
                    }, cancellationToken).ConfigureAwait(false);
                }
                break;
            case ConnectTags.Facet:
                await ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken).ConfigureAwait(false);
                break;
            case IdentityFacet:
                // Only reachable when adopting an exact number whose country or type differs from the config.
                throw new ReconcileException(
                    $"{desired.Address}: {Str(live ?? [], "PhoneNumber")} is a {Str(live ?? [], "CountryCode")} {Str(live ?? [], "Type")} number, " +
                    $"but the config says {Str(p, "CountryCode")} {Str(p, "Type")}. Correct CountryCode/Type in the config.");
            default:
                throw new InvalidOperationException($"PhoneNumbers has no facet '{facet}'.");
        }
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.ReleasePhoneNumberAsync(new ReleasePhoneNumberRequest { PhoneNumberId = id, ClientToken = Guid.NewGuid().ToString() }, cancellationToken);
}
