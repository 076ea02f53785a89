namespace ConnectOps.Engine.State;

/// <summary>
/// Who brought a resource under management. Removing a resource from the config deletes it only when its
/// origin is <see cref="Config"/>; <see cref="Cmdlet"/> resources are reported as unmanaged-by-config.
/// </summary>
public enum ResourceOrigin
{
    /// <summary>Created (or adopted on a lost create response) by Invoke-ConnectApply from the config.</summary>
    Config,

    /// <summary>Created or adopted by an imperative cmdlet (New-ConnectQueue …).</summary>
    Cmdlet,

    /// <summary>Adopted by Import-ConnectResource or from a terraform.tfstate.</summary>
    Import,
}
