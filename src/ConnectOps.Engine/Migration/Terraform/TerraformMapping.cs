using ConnectOps.Engine.Addressing;

namespace ConnectOps.Engine.Migration.Terraform;

/// <summary>How a value is taken from the Terraform attributes into the config.</summary>
internal enum ValueKind
{
    /// <summary>A string, copied as it is (an empty one is left out).</summary>
    Text,

    /// <summary>A whole number (0 is left out: it is every such key's default).</summary>
    Number,

    /// <summary>A boolean (false is kept: it is a decision, not a default).</summary>
    Flag,

    /// <summary>A <c>{ hours, minutes }</c> block, written as 'HH:mm'.</summary>
    Time,

    /// <summary>A list (or set) of strings.</summary>
    Texts,

    /// <summary>A contact flow's JSON content: written to flows/&lt;name&gt;.json and referenced by Path.</summary>
    FlowContent,
}

/// <summary>One config key filled from the Terraform attributes. Paths are dotted; a block (a list of one) is entered at its first element.</summary>
internal abstract record Rule(string Key);

/// <summary>A value at <paramref name="Path"/>. A key already filled by an earlier rule is left as it is.</summary>
internal sealed record ValueRule(string Key, string Path, ValueKind Kind = ValueKind.Text) : Rule(Key);

/// <summary>An AWS id (or list of ids, <paramref name="Many"/>) written as the key of the resource it names.</summary>
internal sealed record ReferenceRule(string Key, string Path, Component Target, bool Many = false) : Rule(Key);

/// <summary>A repeated block: a list of hashtables, each filled by <paramref name="Rules"/>.</summary>
internal sealed record BlocksRule(string Key, string Path, IReadOnlyList<Rule> Rules) : Rule(Key);

/// <summary>Strings from several paths, in order, as one list (the hierarchy's level names).</summary>
internal sealed record CollectRule(string Key, IReadOnlyList<string> Paths) : Rule(Key);

/// <summary>
/// Which resources of a type are the contact centre's (a state also holds Lambda roles and log groups): the attribute
/// at <paramref name="Path"/> must contain <see cref="Contains"/>, or be the id of a migrated <see cref="AdoptedIn"/>
/// resource. The others are listed as skipped with <paramref name="Reason"/>.
/// </summary>
internal sealed record MatchRule(string Path, string Reason)
{
    public string? Contains { get; init; }

    public Component? AdoptedIn { get; init; }
}

/// <summary>Where a migrated resource goes in the config.</summary>
internal enum Placement
{
    /// <summary>An entry of a list named by its Name (Queues, Users …); the address key is that name.</summary>
    NamedList,

    /// <summary>An entry of a keyed map (QuickConnects, PhoneNumbers, LambdaFunctions); the address key is the Terraform key.</summary>
    KeyedMap,

    /// <summary>Keys of the Instance hashtable (the instance, its IAM role and its log group).</summary>
    Instance,

    /// <summary>A top-level value of its own (HierarchyStructure).</summary>
    TopLevel,
}

/// <summary>
/// One Terraform resource type as ConnectOps takes it: the component, where it sits in the config, which attribute
/// holds the AWS id (the plain id, never the provider's composite "instance:resource" id) and the name, and the rules
/// that fill its config keys. The migration mechanism is the same for every type; only these tables differ.
/// </summary>
internal sealed record TerraformMapping(string Type, Component Component, Placement Placement, IReadOnlyList<Rule> Rules)
{
    /// <summary>The attribute holding the AWS id ConnectOps records; null: the last ':'-separated part of <c>id</c>.</summary>
    public string? IdPath { get; init; }

    /// <summary>
    /// The id as a template of <c>{attribute.path}</c>, <c>{account}</c>, <c>{instance_arn}</c> parts, for ids the
    /// provider does not record as such (a Lex V1 association is known to ConnectOps by the bot's ARN).
    /// </summary>
    public string? IdFormat { get; init; }

    /// <summary>The attribute holding the ARN, when the type has one.</summary>
    public string? ArnPath { get; init; } = "arn";

    /// <summary>The ARN as a template (see <see cref="IdFormat"/>).</summary>
    public string? ArnFormat { get; init; }

    /// <summary>The attribute holding the name (the config's Name or Username, and the key of NamedList resources).</summary>
    public string NamePath { get; init; } = "name";

    /// <summary>The config key the name goes to (NamedList); null: not written.</summary>
    public string? NameKey { get; init; } = "Name";

    /// <summary>Takes tags (from tags_all, less the tags every resource shares, which go to the top-level Tags).</summary>
    public bool Taggable { get; init; } = true;

    /// <summary>Attributes that hold secrets: never copied, and a warning says so when they have a value.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>What to tell the user about a secret that was dropped.</summary>
    public string? SecretAdvice { get; init; }

    /// <summary>
    /// Not a ConnectOps resource of its own: its values are folded into another's config keys and it is listed as
    /// skipped with this reason (an IAM policy attachment becomes Instance.IamPolicyArn).
    /// </summary>
    public string? FoldedInto { get; init; }

    /// <summary>
    /// With <see cref="FoldedInto"/>: the attribute holding the AWS id of the migrated <see cref="Component"/> resource
    /// whose entry takes the values (a flow association's phone number); null: the Instance hashtable takes them.
    /// </summary>
    public string? FoldTargetPath { get; init; }

    /// <summary>Which resources of the type are migrated; null: all of them.</summary>
    public MatchRule? Match { get; init; }

    /// <summary>The ConnectOps address key of a resource whose address is fixed (Iam/ConnectRole).</summary>
    public string? FixedKey { get; init; }
}
