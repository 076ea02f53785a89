using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;
using ConnectOps.Emulator.State;

namespace ConnectOps.Emulator.Connect.Components;

/// <summary>
/// Contact flows: Content is a flow-language string; PUBLISHED content is validated (InvalidContactFlowException
/// with problems), SAVED content only has to be JSON. UpdateContactFlowContent publishes, unless the flow id carries
/// the ":$SAVED" qualifier. Describing a never-published flow without the ":$SAVED"
/// qualifier is ContactFlowNotPublishedException.
/// </summary>
internal sealed class ContactFlowKind : ResourceKind
{
    public ContactFlowKind()
    {
        Name = "contact-flow";
        ArnSegment = "contact-flow";
        Noun = "Contact flow";
        ResourceType = "CONTACT_FLOW";
        CreateOperation = "CreateContactFlow";
        DescribeOperation = "DescribeContactFlow";
        DescribeMember = "ContactFlow";
        ListOperation = "ListContactFlows";
        ListMember = "ContactFlowSummaryList";
        SearchOperation = "SearchContactFlows";
        SearchMember = "ContactFlows";
        DeleteOperation = "DeleteContactFlow";
        Updates = new Dictionary<string, UpdateFacet>
        {
            ["UpdateContactFlowContent"] = UpdateFacet.Of("Content"),
            ["UpdateContactFlowMetadata"] = UpdateFacet.Of("Name", "Description", "ContactFlowState>State"),
            ["UpdateContactFlowName"] = UpdateFacet.Of("Name", "Description"),
        };
        Quota = 100;
        ListFilters = new Dictionary<string, string> { ["ContactFlowTypes"] = "Type" };
        SearchFields = new Dictionary<string, string>
        {
            ["name"] = "Name", ["description"] = "Description", ["resourceid"] = "Id", ["type"] = "Type", ["status"] = "Status", ["state"] = "State",
        };
        SearchConditions = new Dictionary<string, string>
        {
            ["TypeCondition"] = "Type", ["StateCondition"] = "State", ["StatusCondition"] = "Status",
        };
    }

    public override void OnCreate(ConnectContext ctx, Resource resource)
    {
        var data = resource.Data;
        data["Status"] ??= "PUBLISHED";
        data["State"] ??= "ACTIVE";
        data["Published"] = RecordPath.Text(data["Status"]) == "PUBLISHED";
        CheckContent(data, RecordPath.Text(data["Status"]) == "PUBLISHED");
    }

    public override void OnUpdate(ConnectContext ctx, Resource resource, JsonObject draft, string operation)
    {
        if (operation != "UpdateContactFlowContent")
        {
            return;
        }

        // Content sent to the flow itself is saved and published; sent to "<id>:$SAVED" it is only saved (a SAVED
        // flow stays SAVED, a published one keeps its status).
        // Without the ":$SAVED" qualifier the update publishes the content (UpdateContactFlowContent docs).
        var savedOnly = RecordPath.QualifierOf(ResourceHandlers.TargetId(ctx.Call)) == "$SAVED";
        CheckContent(draft, publish: !savedOnly);
        if (!savedOnly)
        {
            draft["Status"] = "PUBLISHED";
            draft["Published"] = true;
        }
    }

    public override void OnDescribe(ConnectContext ctx, Resource resource, string? qualifier)
    {
        if (qualifier != "$SAVED" && JsonNumbers.Bool(resource.Data["Published"]) == false)
        {
            throw new ApiException("ContactFlowNotPublishedException", $"Contact flow {resource.Id} has not been published. Describe {resource.Id}:$SAVED to read its saved content.");
        }
    }

    public override JsonObject View(ConnectContext ctx, Resource resource)
    {
        var view = (JsonObject)resource.Data.DeepClone();
        view["ContactFlowType"] = resource.Data["Type"]?.DeepClone();
        view["ContactFlowState"] = resource.Data["State"]?.DeepClone();
        view["ContactFlowStatus"] = resource.Data["Status"]?.DeepClone();
        return view;
    }

    private static void CheckContent(JsonObject data, bool publish)
    {
        var content = RecordPath.Text(data["Content"]) ?? string.Empty;
        var problems = publish ? FlowValidator.Validate(content) : FlowValidator.ParseProblems(content, out _);
        if (problems.Count > 0)
        {
            throw new ApiException(
                "InvalidContactFlowException",
                $"The flow content is not valid: {string.Join(" ", problems)}",
                new JsonObject { ["problems"] = new JsonArray(problems.Select(p => (JsonNode?)new JsonObject { ["message"] = p }).ToArray()) });
        }

        data["FlowContentSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
