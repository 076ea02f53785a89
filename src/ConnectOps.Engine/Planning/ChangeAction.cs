namespace ConnectOps.Engine.Planning;

/// <summary>What a plan does to one resource.</summary>
public enum ChangeAction
{
    /// <summary>Matches the config; nothing to do (not rendered).</summary>
    NoOp,

    /// <summary>Does not exist: create it ("+ create").</summary>
    Create,

    /// <summary>Exists and differs in properties that can change in place ("~ update in-place").</summary>
    Update,

    /// <summary>A property that cannot change in place differs: delete and create ("-/+ replace").</summary>
    Replace,

    /// <summary>In state (origin Config) but no longer in the config: delete it ("- destroy").</summary>
    Delete,

    /// <summary>Exists in AWS under the config's name but not in state: adopt it (no API write).</summary>
    Import,

    /// <summary>Read only (data for other changes, e.g. a refresh); never writes.</summary>
    Read,
}
