using ConnectOps.Engine.Reconcilers.Framework;

namespace ConnectOps.Engine.Permissions;

/// <summary>What a statement's Resource is scoped to; <see cref="LeastPrivilegePolicy"/> turns each into ARNs.</summary>
public enum PolicyScope
{
    /// <summary><c>*</c>: the action takes no resource ARN (or its resource cannot be known beforehand).</summary>
    Everything,
    /// <summary>The Connect instance and everything inside it (<c>instance/&lt;id&gt;</c> and <c>instance/&lt;id&gt;/*</c>).</summary>
    Instance,
    /// <summary>Phone numbers of the account and Region (<c>phone-number/*</c>) plus the instance they are claimed to.</summary>
    PhoneNumbers,
    /// <summary>Everything ConnectOps tags in Connect: the instance, its resources and phone numbers.</summary>
    ConnectTagging,
    /// <summary>The service role the Iam component manages (<c>role/&lt;alias&gt;-connect-role</c>).</summary>
    ConnectRole,
    /// <summary>As <see cref="ConnectRole"/>, for attaching policies: only the config's IamPolicyArn may be attached.</summary>
    ConnectRolePolicyAttachment,
    /// <summary>The contact-flow log group (<c>log-group:/aws/connect/&lt;alias&gt;</c> and its <c>:*</c> form).</summary>
    LogGroup,
    /// <summary>DescribeLogGroups lists by prefix: <c>log-group:*</c> of the account and Region.</summary>
    LogGroupLookup,
    /// <summary>The Secrets Manager secrets users' PasswordSecret names (<c>secret:&lt;name&gt;-??????</c>).</summary>
    PasswordSecrets,
    /// <summary>The Amazon Connect service-linked role (<c>role/aws-service-role/connect.amazonaws.com/*</c>).</summary>
    ServiceLinkedRole,
    /// <summary>As <see cref="ServiceLinkedRole"/>, with the condition that the service is connect.amazonaws.com.</summary>
    ServiceLinkedRoleCreation,
    /// <summary>The Lambda functions the config associates.</summary>
    LambdaFunctions,
    /// <summary>The classic (V1) Lex bots the config associates.</summary>
    LexV1Bots,
    /// <summary>The Lex V2 bot aliases the config associates.</summary>
    LexV2Aliases,
}

/// <summary>One IAM permission an operation needs: the action and what its Resource is scoped to.</summary>
public sealed record IamPermission(string Action, PolicyScope Scope);

/// <summary>
/// From an operation ConnectOps calls (models/operations.txt) to the IAM permissions it needs. Most are
/// <c>&lt;service&gt;:&lt;Operation&gt;</c> on the service's usual resource; the exceptions below are facts from the
/// AWS Service Authorization Reference, "Actions, resources, and condition keys for Amazon Connect"
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonconnect.html), as also generated
/// into iam-floyd's connect statement provider (udondan/iam-floyd, lib/generated/policy-statements/connect.ts):
/// <list type="bullet">
/// <item>CreateInstance: dependent actions ds:AuthorizeApplication, ds:CheckAlias, ds:CreateAlias, ds:CreateDirectory,
/// ds:CreateIdentityPoolDirectory, ds:DeleteDirectory, ds:DescribeDirectories, ds:UnauthorizeApplication,
/// iam:AttachRolePolicy, iam:CreateServiceLinkedRole, iam:PutRolePolicy. No instance exists yet, so no resource ARN.</item>
/// <item>DeleteInstance: ds:DeleteDirectory, ds:DescribeDirectories, ds:UnauthorizeApplication.</item>
/// <item>AssociateLambdaFunction: lambda:AddPermission; DisassociateLambdaFunction: lambda:RemovePermission.</item>
/// <item>AssociateLexBot: iam:AttachRolePolicy, iam:CreateServiceLinkedRole, iam:PutRolePolicy, lex:GetBot;
/// DisassociateLexBot: the same three iam actions.</item>
/// <item>AssociateBot: iam:AttachRolePolicy, iam:CreateServiceLinkedRole, iam:PutRolePolicy, lex:CreateResourcePolicy,
/// lex:DescribeBotAlias, lex:UpdateResourcePolicy (lex:GetBot too, which is for V1 bots: ConnectOps calls
/// AssociateBot for V2 aliases only); DisassociateBot: the three iam actions, lex:DeleteResourcePolicy,
/// lex:UpdateResourcePolicy.</item>
/// <item>ListInstances takes no resource ARN (<c>*</c>). SearchAvailablePhoneNumbers and ListPhoneNumbersV2 search or
/// list across the account (numbers not yet claimed have no ARN ConnectOps could know): <c>*</c>.</item>
/// <item>Phone numbers claimed with the current API have region-level ARNs, <c>arn:aws:connect:&lt;region&gt;:&lt;account&gt;:phone-number/&lt;id&gt;</c>,
/// not under the instance; the claim and flow association also name the instance (and the flow inside it).</item>
/// <item>STS GetCallerIdentity needs no permission (IAM cannot deny it), so it is not in the policy.</item>
/// <item>IAM CreateRole with tags also needs iam:TagRole, and CloudWatch Logs CreateLogGroup with tags needs
/// logs:TagResource: both are in the components' write calls already.</item>
/// </list>
/// </summary>
public static class IamActionMap
{
    private static readonly string[] ServiceLinkedRoleActions = ["iam:AttachRolePolicy", "iam:PutRolePolicy"];

    private static readonly Dictionary<string, PolicyScope> ConnectScopes = new(StringComparer.Ordinal)
    {
        ["ListInstances"] = PolicyScope.Everything,
        ["CreateInstance"] = PolicyScope.Everything,
        ["SearchAvailablePhoneNumbers"] = PolicyScope.Everything,
        ["ListPhoneNumbersV2"] = PolicyScope.Everything,
        ["ClaimPhoneNumber"] = PolicyScope.PhoneNumbers,
        ["DescribePhoneNumber"] = PolicyScope.PhoneNumbers,
        ["UpdatePhoneNumber"] = PolicyScope.PhoneNumbers,
        ["UpdatePhoneNumberMetadata"] = PolicyScope.PhoneNumbers,
        ["AssociatePhoneNumberContactFlow"] = PolicyScope.PhoneNumbers,
        ["DisassociatePhoneNumberContactFlow"] = PolicyScope.PhoneNumbers,
        ["ReleasePhoneNumber"] = PolicyScope.PhoneNumbers,
        ["TagResource"] = PolicyScope.ConnectTagging,
        ["UntagResource"] = PolicyScope.ConnectTagging,
        ["ListTagsForResource"] = PolicyScope.ConnectTagging,
    };

    private static readonly Dictionary<string, IamPermission[]> ConnectDependents = new(StringComparer.Ordinal)
    {
        ["CreateInstance"] =
        [
            .. new[] { "ds:AuthorizeApplication", "ds:CheckAlias", "ds:CreateAlias", "ds:CreateDirectory", "ds:CreateIdentityPoolDirectory",
                       "ds:DeleteDirectory", "ds:DescribeDirectories", "ds:UnauthorizeApplication" }.Select(a => new IamPermission(a, PolicyScope.Everything)),
            .. ServiceLinkedRole(),
        ],
        ["DeleteInstance"] =
            [.. new[] { "ds:DeleteDirectory", "ds:DescribeDirectories", "ds:UnauthorizeApplication" }.Select(a => new IamPermission(a, PolicyScope.Everything))],
        ["AssociateLambdaFunction"] = [new("lambda:AddPermission", PolicyScope.LambdaFunctions)],
        ["DisassociateLambdaFunction"] = [new("lambda:RemovePermission", PolicyScope.LambdaFunctions)],
        ["AssociateLexBot"] = [.. ServiceLinkedRole(), new("lex:GetBot", PolicyScope.LexV1Bots)],
        ["DisassociateLexBot"] = [.. ServiceLinkedRole()],
        ["AssociateBot"] =
        [
            .. ServiceLinkedRole(),
            new("lex:CreateResourcePolicy", PolicyScope.LexV2Aliases), new("lex:DescribeBotAlias", PolicyScope.LexV2Aliases), new("lex:UpdateResourcePolicy", PolicyScope.LexV2Aliases),
        ],
        ["DisassociateBot"] =
            [.. ServiceLinkedRole(), new("lex:DeleteResourcePolicy", PolicyScope.LexV2Aliases), new("lex:UpdateResourcePolicy", PolicyScope.LexV2Aliases)],
    };

    private static IEnumerable<IamPermission> ServiceLinkedRole() =>
        [new("iam:CreateServiceLinkedRole", PolicyScope.ServiceLinkedRoleCreation), .. ServiceLinkedRoleActions.Select(a => new IamPermission(a, PolicyScope.ServiceLinkedRole))];

    /// <summary>The permissions <paramref name="operation"/> needs: its own action first, then its dependent actions.</summary>
    public static IReadOnlyList<IamPermission> For(AwsOperation operation)
    {
        var action = $"{operation.Service}:{operation.Name}";
        switch (operation.Service)
        {
            case "connect":
                var own = new IamPermission(action, ConnectScopes.GetValueOrDefault(operation.Name, PolicyScope.Instance));
                return [own, .. ConnectDependents.GetValueOrDefault(operation.Name, [])];
            case "iam":
                return [new(action, operation.Name == "AttachRolePolicy" ? PolicyScope.ConnectRolePolicyAttachment : PolicyScope.ConnectRole)];
            case "logs":
                return [new(action, operation.Name == "DescribeLogGroups" ? PolicyScope.LogGroupLookup : PolicyScope.LogGroup)];
            case "secretsmanager":
                return [new(action, PolicyScope.PasswordSecrets)];
            default:
                throw new ArgumentException($"No IAM mapping for service '{operation.Service}' (operation {operation.Name}); add it to {nameof(IamActionMap)}.", nameof(operation));
        }
    }
}
