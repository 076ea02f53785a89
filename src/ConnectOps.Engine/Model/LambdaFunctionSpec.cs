using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>Config <c>LambdaFunctions = @{ key = @{ FunctionArn = 'arn:aws:lambda:...' } }</c>: an association.</summary>
public sealed record LambdaFunctionSpec(string Key, string FunctionArn, SourcePosition Position) : IResourceSpec
{
    public ResourceAddress Address => new(Component.LambdaFunctions, Key);
}
