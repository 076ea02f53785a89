namespace ConnectOps.Engine.Model;

// Enumerations of the config format. Config and the Connect API spell them in UPPER_SNAKE_CASE
// (CONNECT_MANAGED); EnumWire converts. Members map one-to-one onto the Connect model's enums.

public enum IdentityManagementType { Saml, ConnectManaged, ExistingDirectory }

public enum HoursDay { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }

public enum QueueStatus { Enabled, Disabled }

public enum Channel { Voice, Chat, Task, Email }

public enum AgentAvailabilityTimer { TimeSinceLastActivity, TimeSinceLastInbound }

/// <summary>Whether a channel's contacts reach an agent busy on another channel (MediaConcurrency.CrossChannelBehavior).</summary>
public enum CrossChannelBehavior { RouteCurrentChannelOnly, RouteAnyChannel }

public enum QuickConnectType { User, Queue, PhoneNumber, Flow }

public enum PhoneNumberType { TollFree, Did, Uifn, Shared, ThirdPartyTf, ThirdPartyDid, ShortCode }

public enum ContactFlowType
{
    ContactFlow, CustomerQueue, CustomerHold, CustomerWhisper, AgentHold, AgentWhisper,
    OutboundWhisper, AgentTransfer, QueueTransfer, Campaign,
}

public enum ContactFlowStatus { Published, Saved }

public enum PhoneType { SoftPhone, DeskPhone }

/// <summary>Where state lives. Spelled as written (Local, S3), not in UPPER_SNAKE_CASE.</summary>
public enum StateBackend { Local, S3 }
