namespace ConnectOps.Engine.Model;

/// <summary>
/// Config <c>Endpoints = @{ Connect = 'http://127.0.0.1:4599'; S3 = ... }</c>: per-service endpoint URLs
/// (absolute http/https). Keys are the service names in <see cref="Services"/>.
/// </summary>
public sealed record EndpointSettings(string? Connect, string? Iam, string? Logs, string? Sts, string? S3, string? DynamoDb, string? SecretsManager)
{
    public static readonly IReadOnlyList<string> Services = ["Connect", "Iam", "Logs", "Sts", "S3", "DynamoDb", "SecretsManager"];

    public static EndpointSettings None { get; } = new(null, null, null, null, null, null, null);
}
