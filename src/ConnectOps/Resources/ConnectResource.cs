using System.Collections;

namespace ConnectOps.Commands;

/// <summary>
/// What the resource cmdlets return (Get-, and New-/Set- with -PassThru): the resource as AWS has it, references by
/// name. <see cref="ManagedBy"/> says who manages it: Config (connectops.psd1), Cmdlet (made or changed by a cmdlet),
/// Import, or empty when ConnectOps does not manage it.
/// </summary>
public abstract class ConnectResource
{
    /// <summary>Its address in state and plans: Component/Key.</summary>
    public string Address { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Id { get; set; }

    public string? Arn { get; set; }

    public string ManagedBy { get; set; } = "";

    public override string ToString() => Address;
}

public sealed class ConnectQueue : ConnectResource
{
    public string? Description { get; set; }
    public string? HoursOfOperation { get; set; }
    public int? MaxContacts { get; set; }
    public string? Status { get; set; }
    public string? OutboundCallerIdName { get; set; }
    public string? OutboundCallerIdNumber { get; set; }
    public string? OutboundFlow { get; set; }
    public string[]? QuickConnects { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectHoursOfOperation : ConnectResource
{
    public string? Description { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>The opening times: objects with Day, Start and End ("09:00").</summary>
    public object[]? Config { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectUser : ConnectResource
{
    public string? Username { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>As ConnectOps last set it (SearchUsers does not report emails).</summary>
    public string? Email { get; set; }
    public string? SecondaryEmail { get; set; }
    public string? Mobile { get; set; }
    public string? PhoneType { get; set; }
    public bool? AutoAccept { get; set; }
    public int? AfterContactWorkTimeLimit { get; set; }
    public string? DeskPhoneNumber { get; set; }
    public string? RoutingProfile { get; set; }
    public string[]? SecurityProfiles { get; set; }
    public string? HierarchyGroup { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectRoutingProfile : ConnectResource
{
    public string? Description { get; set; }
    public string? DefaultOutboundQueue { get; set; }

    /// <summary>Objects with Channel, Concurrency and CrossChannelBehavior.</summary>
    public object[]? MediaConcurrencies { get; set; }

    /// <summary>Objects with Queue, Channel, Priority and Delay (read for routing profiles the config declares or ConnectOps made).</summary>
    public object[]? QueueConfigs { get; set; }
    public string? AgentAvailabilityTimer { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectSecurityProfile : ConnectResource
{
    public string? Description { get; set; }

    /// <summary>Read for security profiles the config declares or ConnectOps made.</summary>
    public string[]? Permissions { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectQuickConnect : ConnectResource
{
    public string? Description { get; set; }
    public string? Type { get; set; }
    public string? Queue { get; set; }
    public string? User { get; set; }
    public string? PhoneNumber { get; set; }
    public string? ContactFlow { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectHierarchyGroup : ConnectResource
{
    public string? Parent { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectPhoneNumber : ConnectResource
{
    public string? PhoneNumber { get; set; }
    public string? CountryCode { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? ContactFlow { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectContactFlow : ConnectResource
{
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }

    /// <summary>The flow's content (Amazon Connect flow language JSON), references as key placeholders where known.</summary>
    public string? Content { get; set; }
    public Hashtable? Tags { get; set; }
}

public sealed class ConnectLambdaFunction : ConnectResource
{
    public string? FunctionArn { get; set; }
}

public sealed class ConnectLexBot : ConnectResource
{
    /// <summary>V1 (classic, Name + LexRegion) or V2 (AliasArn).</summary>
    public string? LexVersion { get; set; }
    public string? BotName { get; set; }
    public string? LexRegion { get; set; }
    public string? AliasArn { get; set; }
}
