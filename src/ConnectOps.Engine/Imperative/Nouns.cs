using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Imperative;

/// <summary>How messages name a component's resources and its cmdlets (New-ConnectQueue …).</summary>
public static class Nouns
{
    /// <summary>"queue", "routing profile" …</summary>
    public static string Of(Component component) => component switch
    {
        Component.HoursOfOperation => "hours of operation",
        Component.Queues => "queue",
        Component.RoutingProfiles => "routing profile",
        Component.SecurityProfiles => "security profile",
        Component.QuickConnects => "quick connect",
        Component.PhoneNumbers => "phone number",
        Component.ContactFlows => "contact flow",
        Component.HierarchyGroups => "hierarchy group",
        Component.Users => "user",
        Component.LambdaFunctions => "Lambda function",
        Component.LexBots => "Lex bot",
        _ => component.ToString(),
    };

    /// <summary>The cmdlet noun: "ConnectQueue", "ConnectUser" …</summary>
    public static string Cmdlet(Component component) => component switch
    {
        Component.HoursOfOperation => "ConnectHoursOfOperation",
        Component.Queues => "ConnectQueue",
        Component.RoutingProfiles => "ConnectRoutingProfile",
        Component.SecurityProfiles => "ConnectSecurityProfile",
        Component.QuickConnects => "ConnectQuickConnect",
        Component.PhoneNumbers => "ConnectPhoneNumber",
        Component.ContactFlows => "ConnectContactFlow",
        Component.HierarchyGroups => "ConnectHierarchyGroup",
        Component.Users => "ConnectUser",
        Component.LambdaFunctions => "ConnectLambdaFunction",
        Component.LexBots => "ConnectLexBot",
        _ => "Connect" + component,
    };
}
