namespace ConnectOps.Engine.State;

/// <summary>The Connect instance this state belongs to.</summary>
public sealed record InstanceState(string Id, string Arn, string Region, string AccountId);
