using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Connect.Framework;
using ConnectOps.Emulator.Hosting;
using ConnectOps.Emulator.Models;
using ConnectOps.Emulator.Protocols;

namespace ConnectOps.Emulator.Aws;

/// <summary>
/// The IAM subset ConnectOps uses for the instance's role: roles, their trust policy, attached managed policies and
/// tags. IAM is global (no Region); errors are the model's codes (NoSuchEntity 404, EntityAlreadyExists / DeleteConflict 409).
/// </summary>
internal static class IamService
{
    public static void Register(HandlerRegistry registry)
    {
        var model = ServiceModels.Iam;
        registry.Add(model, "CreateRole", CreateRole);
        registry.Add(model, "GetRole", call => new JsonObject { ["Role"] = View(Role(call)) });
        registry.Add(model, "DeleteRole", DeleteRole);
        registry.Add(model, "UpdateAssumeRolePolicy", call =>
        {
            var role = Role(call);
            role["AssumeRolePolicyDocument"] = PolicyDocument(call, "PolicyDocument");
            return null;
        });
        registry.Add(model, "AttachRolePolicy", AttachRolePolicy);
        registry.Add(model, "DetachRolePolicy", DetachRolePolicy);
        registry.Add(model, "ListAttachedRolePolicies", call =>
        {
            var prefix = call.GetString("PathPrefix") ?? "/";
            var policies = Attached(Role(call)).Where(p => PathOf(RecordPath.Text(p["PolicyArn"])!).StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var (page, marker) = Paging.Page(call, policies, "MaxItems", "Marker", defaultSize: 100);
            return new JsonObject
            {
                ["AttachedPolicies"] = new JsonArray(page.Select(p => (JsonNode?)p.DeepClone()).ToArray()),
                ["IsTruncated"] = marker is not null,
                ["Marker"] = marker,
            };
        });
        registry.Add(model, "TagRole", call =>
        {
            var role = Role(call);
            var tags = TagList(role);
            foreach (var tag in call.GetArray("Tags") ?? [])
            {
                var key = RecordPath.Text(tag!["Key"])!;
                tags.RemoveAll(t => RecordPath.Text(t["Key"]) == key);
                tags.Add(tag.DeepClone());
            }

            if (tags.Count > 50)
            {
                throw new ApiException("LimitExceededException", "A role can have at most 50 tags.");
            }

            role["Tags"] = new JsonArray(tags.ToArray());
            return null;
        });
        registry.Add(model, "UntagRole", call =>
        {
            var role = Role(call);
            var keys = (call.GetArray("TagKeys") ?? []).Select(RecordPath.Text).ToHashSet(StringComparer.Ordinal);
            role["Tags"] = new JsonArray(TagList(role).Where(t => !keys.Contains(RecordPath.Text(t["Key"]))).ToArray());
            return null;
        });
        registry.Add(model, "ListRoleTags", call =>
        {
            var (page, marker) = Paging.Page(call, TagList(Role(call)), "MaxItems", "Marker", defaultSize: 100);
            return new JsonObject
            {
                ["Tags"] = new JsonArray(page.Select(t => (JsonNode?)t.DeepClone()).ToArray()),
                ["IsTruncated"] = marker is not null,
                ["Marker"] = marker,
            };
        });
    }

    private static JsonObject CreateRole(ApiCall call)
    {
        var name = call.RequireString("RoleName");
        if (call.State.IamRoles.ContainsKey(name))
        {
            throw new ApiException("EntityAlreadyExistsException", $"Role with name {name} already exists.");
        }

        var path = call.GetString("Path") ?? "/";
        var role = new JsonObject
        {
            ["RoleName"] = name,
            ["Path"] = path,
            ["RoleId"] = "AROA" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant(),
            ["Arn"] = $"arn:aws:iam::{call.Account}:role{path}{name}",
            ["CreateDate"] = call.EpochSeconds,
            ["AssumeRolePolicyDocument"] = PolicyDocument(call, "AssumeRolePolicyDocument"),
            ["Description"] = call.GetString("Description"),
            ["MaxSessionDuration"] = call.GetInt("MaxSessionDuration") ?? 3600,
            ["PermissionsBoundary"] = call.GetString("PermissionsBoundary") is { } boundary
                ? new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = boundary }
                : null,
            ["Tags"] = call.GetArray("Tags")?.DeepClone() ?? new JsonArray(),
            ["AttachedPolicies"] = new JsonArray(),
        };
        call.State.IamRoles[name] = role;
        return new JsonObject { ["Role"] = View(role) };
    }

    private static JsonObject? DeleteRole(ApiCall call)
    {
        var role = Role(call);
        if (Attached(role).Count > 0)
        {
            throw new ApiException("DeleteConflictException", "Cannot delete entity, must detach all policies first.");
        }

        call.State.IamRoles.Remove(RecordPath.Text(role["RoleName"])!);
        return null;
    }

    private static JsonObject? AttachRolePolicy(ApiCall call)
    {
        var role = Role(call);
        var arn = call.RequireString("PolicyArn");
        if (!arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) || !arn.Contains(":policy/", StringComparison.Ordinal))
        {
            throw new ApiException("InvalidInputException", $"ARN {arn} is not valid.");
        }

        var attached = Attached(role);
        if (!attached.Any(p => RecordPath.Text(p["PolicyArn"]) == arn))
        {
            attached.Add(new JsonObject { ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyArn"] = arn });
        }

        role["AttachedPolicies"] = new JsonArray(attached.Select(p => p.DeepClone()).ToArray());
        return null;
    }

    private static JsonObject? DetachRolePolicy(ApiCall call)
    {
        var role = Role(call);
        var arn = call.RequireString("PolicyArn");
        var attached = Attached(role);
        if (attached.RemoveAll(p => RecordPath.Text(p["PolicyArn"]) == arn) == 0)
        {
            throw new ApiException("NoSuchEntityException", $"Policy {arn} was not found.");
        }

        role["AttachedPolicies"] = new JsonArray(attached.Select(p => p.DeepClone()).ToArray());
        return null;
    }

    private static JsonObject Role(ApiCall call)
    {
        var name = call.RequireString("RoleName");
        return call.State.IamRoles.TryGetValue(name, out var role)
            ? role
            : throw new ApiException("NoSuchEntityException", $"The role with name {name} cannot be found.");
    }

    /// <summary>The Role shape as IAM returns it: the policy document URL-encoded, as botocore expects to decode.</summary>
    private static JsonObject View(JsonObject role)
    {
        var view = (JsonObject)role.DeepClone();
        view["AssumeRolePolicyDocument"] = Uri.EscapeDataString(RecordPath.Text(role["AssumeRolePolicyDocument"]) ?? string.Empty);
        view["RoleLastUsed"] = new JsonObject();
        return view;
    }

    private static string PolicyDocument(ApiCall call, string member)
    {
        var document = call.RequireString(member);
        try
        {
            if (JsonNode.Parse(document) is not JsonObject policy || policy["Statement"] is null)
            {
                throw new ApiException("MalformedPolicyDocumentException", "Syntax errors in policy: the document needs a Statement.");
            }
        }
        catch (JsonException)
        {
            throw new ApiException("MalformedPolicyDocumentException", "This policy contains invalid Json.");
        }

        return document;
    }

    private static List<JsonNode> Attached(JsonObject role) =>
        (role["AttachedPolicies"] as JsonArray ?? []).Where(p => p is not null).Select(p => p!.DeepClone()).ToList();

    private static List<JsonNode> TagList(JsonObject role) =>
        (role["Tags"] as JsonArray ?? []).Where(t => t is not null).Select(t => t!.DeepClone()).ToList();

    private static string PathOf(string policyArn)
    {
        var resource = policyArn[(policyArn.IndexOf(":policy", StringComparison.Ordinal) + ":policy".Length)..];
        return resource[..(resource.LastIndexOf('/') + 1)];
    }
}
