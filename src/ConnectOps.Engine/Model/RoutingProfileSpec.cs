using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>
/// One channel's concurrency. <see cref="CrossChannelBehavior"/> null means Connect's default
/// (ROUTE_CURRENT_CHANNEL_ONLY); it is compared, so a profile changed to ROUTE_ANY_CHANNEL by hand shows in a plan.
/// </summary>
public sealed record MediaConcurrencySpec(Channel Channel, int Concurrency, CrossChannelBehavior? CrossChannelBehavior = null);

/// <summary>One queue of a routing profile: <see cref="Queue"/> names a queue.</summary>
public sealed record RoutingProfileQueueSpec(string Queue, Channel Channel, int Priority, int Delay);

/// <summary>
/// Config <c>RoutingProfiles = @( @{ ... } )</c>. Connect requires a description; when the config has none
/// <see cref="Description"/> is the Name.
/// </summary>
public sealed record RoutingProfileSpec(
    string Name,
    string Description,
    string DefaultOutboundQueue,
    ValueList<MediaConcurrencySpec> MediaConcurrencies,
    ValueList<RoutingProfileQueueSpec> QueueConfigs,
    AgentAvailabilityTimer? AgentAvailabilityTimer,
    TagSet Tags,
    SourcePosition Position) : IResourceSpec
{
    /// <summary>Queues per routing profile (the Connect quota; the API takes at most 10 per call).</summary>
    public const int MaxQueueConfigs = 50;

    public ResourceAddress Address => new(Component.RoutingProfiles, Name);
}
