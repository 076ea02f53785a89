using System.Text.Json.Nodes;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Reconcilers.Users;

/// <summary>
/// Users (and the config's AdminUser, bound as a user with the Admin profile and the first declared routing
/// profile). Facets and their calls: identity info (UpdateUserIdentityInfo), phone config — type, auto accept,
/// after-contact-work limit, desk phone — in one UpdateUserPhoneConfig, routing profile, security profiles
/// (UpdateUserSecurityProfiles replaces the set of 1–10), hierarchy group (UpdateUserHierarchy; none removes
/// it), tags. Read: SearchUsers (500 a page). SearchUsers reports only first and last name of the identity
/// info, so email, secondary email and mobile are compared with what the last apply wrote (a change made by
/// hand to those three is not seen).
/// <para><b>Renaming.</b> The key is the Username, and Amazon Connect cannot rename a user: UpdateUserIdentityInfo
/// does not take a Username and no other call changes it. A Username edited in the config is paired with the
/// user it replaces (same email, or else same first and last name) and planned as one Replace that says so;
/// because deleting a user loses their history, apply refuses it unless AllowDestroy names Users. Without
/// such a pairing the plan shows the old user's Delete and the new user's Create, both visible. No user is
/// ever destroyed silently.</para>
/// <para><b>Passwords</b> (see <see cref="UserPasswords"/>) go into CreateUser only; they are never properties.</para>
/// </summary>
public sealed class UserReconciler : Reconciler
{
    private const string IdentityFacet = "IdentityInfo";
    private const string PhoneFacet = "PhoneConfig";
    private const string RoutingFacet = "RoutingProfile";
    private const string SecurityFacet = "SecurityProfiles";
    private const string HierarchyFacet = "Hierarchy";

    private static readonly IReadOnlyList<PropertySpec> Specs =
    [
        new("Username")
        {
            ForcesReplacement = true,
            ReplaceReason = "Amazon Connect cannot rename a user (UpdateUserIdentityInfo does not change the Username): the user would be deleted and created again",
        },
        new("FirstName") { Facet = IdentityFacet },
        new("LastName") { Facet = IdentityFacet },
        new("Email") { Facet = IdentityFacet },
        new("SecondaryEmail") { Facet = IdentityFacet },
        new("Mobile") { Facet = IdentityFacet },
        new("PhoneType") { Facet = PhoneFacet },
        new("AutoAccept") { Facet = PhoneFacet },
        new("AfterContactWorkTimeLimit") { Facet = PhoneFacet },
        new("DeskPhoneNumber") { Facet = PhoneFacet },
        new("RoutingProfile") { Facet = RoutingFacet, References = Component.RoutingProfiles },
        new("SecurityProfiles") { Facet = SecurityFacet, References = Component.SecurityProfiles, Unordered = true },
        new("HierarchyGroup") { Facet = HierarchyFacet, References = Component.HierarchyGroups },
        ConnectTags.Property,
    ];

    public override Component Component => Component.Users;

    public override IReadOnlyList<PropertySpec> Properties => Specs;

    // A create reads the first password from Secrets Manager when the config names a PasswordSecret.
    private static readonly ComponentCalls CallTable = new()
    {
        Read = ComponentCalls.Connect("SearchUsers"),
        Write = [.. ComponentCalls.Connect("CreateUser UpdateUserIdentityInfo UpdateUserPhoneConfig UpdateUserRoutingProfile UpdateUserSecurityProfiles UpdateUserHierarchy"), .. ConnectTags.Calls, .. ComponentCalls.Of("secretsmanager", "GetSecretValue")],
        Delete = ComponentCalls.Connect("DeleteUser"),
        ExportOnly = ComponentCalls.Connect("DescribeUser"),
    };

    public override ComponentCalls Calls => CallTable;

    public override bool ReplaceNeedsAllowDestroy => true;

    /// <summary>The same person under a new Username: the email, else first and last name.</summary>
    public override string? RenameIdentity(JsonObject properties)
    {
        if (Str(properties, "Email") is { Length: > 0 } email) return "email:" + email.ToLowerInvariant();
        return Str(properties, "FirstName") is { Length: > 0 } first && Str(properties, "LastName") is { Length: > 0 } last
            ? $"name:{first.ToLowerInvariant()}\n{last.ToLowerInvariant()}"
            : null;
    }

    public override IEnumerable<DesiredResource> Desired(ConnectConfig config) =>
        config.Users.Select(u => new DesiredResource
        {
            Address = u.Address,
            Name = u.Username,
            Spec = u,
            DependsOn = Dependencies.Of(config,
                u.SecurityProfiles.Select(s => Dependencies.Ref(Component.SecurityProfiles, s))
                    .Prepend(Dependencies.Ref(Component.RoutingProfiles, u.RoutingProfile))
                    .Append(Dependencies.Ref(Component.HierarchyGroups, u.HierarchyGroup))),
            Properties = new JsonObject
            {
                ["Username"] = u.Username,
                ["FirstName"] = u.FirstName ?? "",
                ["LastName"] = u.LastName ?? "",
                ["Email"] = u.Email ?? "",
                ["SecondaryEmail"] = u.SecondaryEmail ?? "",
                ["Mobile"] = u.Mobile ?? "",
                ["PhoneType"] = EnumWire.ToWire(u.PhoneType),
                ["AutoAccept"] = u.AutoAccept,
                ["AfterContactWorkTimeLimit"] = u.AfterContactWorkTimeLimit,
                ["DeskPhoneNumber"] = u.DeskPhoneNumber ?? "",
                ["RoutingProfile"] = u.RoutingProfile,
                ["SecurityProfiles"] = JsonValues.StringArray(u.SecurityProfiles),
                ["HierarchyGroup"] = u.HierarchyGroup ?? "",
                ["Tags"] = TagsNode(config, u.Tags),
            },
        });

    public override async Task<IReadOnlyList<LiveResource>> ReadAsync(ReconcileContext context, CancellationToken cancellationToken)
    {
        var result = new List<LiveResource>();
        var request = new SearchUsersRequest { InstanceId = context.RequireInstanceId(), MaxResults = 500 };
        await foreach (var u in context.Aws.Connect.Paginators.SearchUsers(request).Users.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Email, SecondaryEmail and Mobile are absent on purpose: the planner compares them with state.
            result.Add(new LiveResource
            {
                Id = u.Id!,
                Arn = u.Arn,
                Name = u.Username ?? "",
                Properties = new JsonObject
                {
                    ["Username"] = u.Username ?? "",
                    ["FirstName"] = u.IdentityInfo?.FirstName ?? "",
                    ["LastName"] = u.IdentityInfo?.LastName ?? "",
                    ["PhoneType"] = u.PhoneConfig?.PhoneType,
                    ["AutoAccept"] = u.PhoneConfig?.AutoAccept ?? false,
                    ["AfterContactWorkTimeLimit"] = u.PhoneConfig?.AfterContactWorkTimeLimit ?? 0,
                    ["DeskPhoneNumber"] = u.PhoneConfig?.DeskPhoneNumber ?? "",
                    ["RoutingProfile"] = u.RoutingProfileId,
                    ["SecurityProfiles"] = JsonValues.StringArray(u.SecurityProfileIds ?? []),
                    ["HierarchyGroup"] = u.HierarchyGroupId ?? "",
                    ["Tags"] = ConnectTags.ToNode(u.Tags),
                },
            });
        }
        return result;
    }

    /// <summary>
    /// Email, SecondaryEmail and Mobile, which SearchUsers does not return: one DescribeUser per user (10 a second
    /// under Connect's quota). Only an export that asks for them makes these calls (Export-ConnectConfig
    /// -IncludeUserContactInfo); a plan compares them with state instead. The properties are filled in place.
    /// </summary>
    public static Task ReadContactInfoAsync(ReconcileContext context, IEnumerable<LiveResource> users, CancellationToken cancellationToken)
    {
        var instanceId = context.RequireInstanceId();
        return Task.WhenAll(users.Select(async u =>
        {
            var info = (await context.Aws.Connect.DescribeUserAsync(new DescribeUserRequest { InstanceId = instanceId, UserId = u.Id }, cancellationToken).ConfigureAwait(false)).User?.IdentityInfo;
            lock (u.Properties)
            {
                u.Properties["Email"] = info?.Email ?? "";
                u.Properties["SecondaryEmail"] = info?.SecondaryEmail ?? "";
                u.Properties["Mobile"] = info?.Mobile ?? "";
            }
        }));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static UserIdentityInfo IdentityOf(JsonObject p) => new()
    {
        FirstName = NullIfEmpty(Str(p, "FirstName")),
        LastName = NullIfEmpty(Str(p, "LastName")),
        Email = NullIfEmpty(Str(p, "Email")),
        SecondaryEmail = NullIfEmpty(Str(p, "SecondaryEmail")),
        Mobile = NullIfEmpty(Str(p, "Mobile")),
    };

    private static UserPhoneConfig PhoneOf(JsonObject p) => new()
    {
        PhoneType = Str(p, "PhoneType"),
        AutoAccept = Bool(p, "AutoAccept") ?? false,
        AfterContactWorkTimeLimit = (int?)Long(p, "AfterContactWorkTimeLimit") ?? 0,
        DeskPhoneNumber = NullIfEmpty(Str(p, "DeskPhoneNumber")),
    };

    private static List<string> SecurityProfileIdsOf(ReconcileContext context, JsonObject p) =>
        JsonValues.Strings(p["SecurityProfiles"]).Select(k => context.IdOf(Component.SecurityProfiles, k)).ToList();

    private static string? HierarchyGroupIdOf(ReconcileContext context, JsonObject p) =>
        Str(p, "HierarchyGroup") is { Length: > 0 } group ? context.IdOf(Component.HierarchyGroups, group) : null;

    public override async Task<LiveResource> CreateAsync(ReconcileContext context, DesiredResource desired, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var spec = desired.Spec as UserSpec;
        // Resolved before any Connect call, so a missing or unreadable secret changes nothing.
        var password = await UserPasswords.ResolveAsync(context, desired, spec, cancellationToken).ConfigureAwait(false);
        var response = await context.Aws.Connect.CreateUserAsync(new CreateUserRequest
        {
            InstanceId = context.RequireInstanceId(),
            Username = desired.Name,
            Password = password,
            IdentityInfo = IdentityOf(p),
            PhoneConfig = PhoneOf(p),
            RoutingProfileId = context.IdOf(Component.RoutingProfiles, Str(p, "RoutingProfile")!),
            SecurityProfileIds = SecurityProfileIdsOf(context, p),
            HierarchyGroupId = HierarchyGroupIdOf(context, p),
            DirectoryUserId = spec?.DirectoryUserId,
            Tags = ConnectTags.ToRequest(p),
        }, cancellationToken).ConfigureAwait(false);
        return new LiveResource { Id = response.UserId!, Arn = response.UserArn, Name = desired.Name, Properties = (JsonObject)p.DeepClone() };
    }

    public override Task UpdateAsync(ReconcileContext context, string facet, DesiredResource desired, string id, string? arn, JsonObject? live, CancellationToken cancellationToken)
    {
        var p = desired.Properties;
        var instanceId = context.RequireInstanceId();
        var connect = context.Aws.Connect;
        return facet switch
        {
            IdentityFacet => connect.UpdateUserIdentityInfoAsync(new UpdateUserIdentityInfoRequest { InstanceId = instanceId, UserId = id, IdentityInfo = IdentityOf(p) }, cancellationToken),
            PhoneFacet => connect.UpdateUserPhoneConfigAsync(new UpdateUserPhoneConfigRequest { InstanceId = instanceId, UserId = id, PhoneConfig = PhoneOf(p) }, cancellationToken),
            RoutingFacet => connect.UpdateUserRoutingProfileAsync(new UpdateUserRoutingProfileRequest
            {
                InstanceId = instanceId, UserId = id, RoutingProfileId = context.IdOf(Component.RoutingProfiles, Str(p, "RoutingProfile")!),
            }, cancellationToken),
            SecurityFacet => connect.UpdateUserSecurityProfilesAsync(new UpdateUserSecurityProfilesRequest
            {
                InstanceId = instanceId, UserId = id, SecurityProfileIds = SecurityProfileIdsOf(context, p),
            }, cancellationToken),
            // No group in the config: the request without HierarchyGroupId removes the user from its group.
            HierarchyFacet => connect.UpdateUserHierarchyAsync(new UpdateUserHierarchyRequest { InstanceId = instanceId, UserId = id, HierarchyGroupId = HierarchyGroupIdOf(context, p) }, cancellationToken),
            ConnectTags.Facet => ConnectTags.UpdateAsync(context, arn, p, live, cancellationToken),
            "Username" => throw new ReconcileException(
                $"{desired.Address}: the user '{Str(live ?? p, "Username")}' in AWS differs from '{desired.Name}' and Amazon Connect cannot rename a user. " +
                "Write the Username as AWS has it, or delete the user in AWS first."),
            _ => throw new InvalidOperationException($"Users has no facet '{facet}'."),
        };
    }

    public override Task DeleteAsync(ReconcileContext context, string id, string? arn, CancellationToken cancellationToken) =>
        context.Aws.Connect.DeleteUserAsync(new DeleteUserRequest { InstanceId = context.RequireInstanceId(), UserId = id }, cancellationToken);
}
