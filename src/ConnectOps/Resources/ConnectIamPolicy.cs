namespace ConnectOps.Commands;

/// <summary>
/// What Get-ConnectIamPolicy returns: the policy document as JSON in <see cref="PolicyDocument"/> (a string, the form
/// IAM and AWS Tools' New-IAMPolicy -PolicyDocument take, bound from the pipeline by that property name), with the
/// actions and statements it holds and notes on its scope. Its string form is the JSON.
/// </summary>
public sealed class ConnectIamPolicy
{
    /// <summary>The policy document JSON (Version 2012-10-17).</summary>
    public string PolicyDocument { get; set; } = "";

    /// <summary>True: a plan-only policy (reads only).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The instance the Connect statements are scoped to; empty while the instance does not exist yet.</summary>
    public string? InstanceArn { get; set; }

    /// <summary>Every action allowed, sorted.</summary>
    public string[] Actions { get; set; } = [];

    /// <summary>The statement ids, in order.</summary>
    public string[] Statements { get; set; } = [];

    /// <summary>Why a statement is wider than one ARN, or what was left out and how to include it.</summary>
    public string[] Notes { get; set; } = [];

    public string ConfigPath { get; set; } = "";

    public override string ToString() => PolicyDocument;
}
