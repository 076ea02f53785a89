using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Security profiles: named by SecurityProfileName; UpdateSecurityProfile replaces Permissions; permissions are
/// not in Describe, only in ListSecurityProfilePermissions (paged, ≤1000).
/// </summary>
internal sealed class SecurityProfileKind : ResourceKind
{
    public SecurityProfileKind()
    {
        Name = "security-profile";
        ArnSegment = "security-profile";
        Noun = "Security profile";
        ResourceType = "SECURITY_PROFILE";
        NameMember = "SecurityProfileName";
        CreateOperation = "CreateSecurityProfile";
        DescribeOperation = "DescribeSecurityProfile";
        DescribeMember = "SecurityProfile";
        ListOperation = "ListSecurityProfiles";
        ListMember = "SecurityProfileSummaryList";
        SearchOperation = "SearchSecurityProfiles";
        SearchMember = "SecurityProfiles";
        DeleteOperation = "DeleteSecurityProfile";
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateSecurityProfile"] = UpdateFacet.Of(
                "Description", "Permissions", "AllowedAccessControlTags", "TagRestrictedResources", "Applications",
                "HierarchyRestrictedResources", "AllowedAccessControlHierarchyGroupId", "AllowedFlowModules", "GranularAccessControlConfiguration"),
        };
        References = [new Reference("AllowedAccessControlHierarchyGroupId", "hierarchy-group")];
        Quota = 100;
        SearchFields = new Dictionary<string, string>
        {
            ["securityprofilename"] = "SecurityProfileName", ["name"] = "SecurityProfileName", ["description"] = "Description", ["resourceid"] = "Id",
        };
        var owner = Associations.OwnerOfKind(Name);
        CollectionLists =
        [
            new CollectionListSpec("ListSecurityProfilePermissions", owner, "Permissions", "Permissions", (_, item) => item.DeepClone()),
            new CollectionListSpec("ListSecurityProfileApplications", owner, "Applications", "Applications", (_, item) => item.DeepClone()),
        ];
    }

    public override void OnCreate(ConnectContext ctx, Resource resource) => resource.Data["Permissions"] ??= new JsonArray();

    public override JsonObject View(ConnectContext ctx, Resource resource)
    {
        var view = (JsonObject)resource.Data.DeepClone();
        view["Name"] = resource.Data["SecurityProfileName"]?.DeepClone();
        view["OrganizationResourceId"] = ctx.Instance.Record.Id;
        return view;
    }
}
