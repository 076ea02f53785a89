using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Config;

namespace ConnectOps.Engine.Model;

/// <summary>What every desired resource in the config has: its address and where it was written.</summary>
public interface IResourceSpec
{
    ResourceAddress Address { get; }

    /// <summary>Position of the resource's hashtable in the config file.</summary>
    SourcePosition Position { get; }
}
