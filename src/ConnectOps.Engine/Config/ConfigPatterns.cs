using System.Text.RegularExpressions;

namespace ConnectOps.Engine.Config;

/// <summary>Value patterns of the config format, from the Connect/AWS models where they exist.</summary>
internal static partial class ConfigPatterns
{
    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    public static partial Regex Region();

    /// <summary>CreateInstance InstanceAlias (DirectoryAlias).</summary>
    [GeneratedRegex(@"^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$")]
    public static partial Regex InstanceAlias();

    [GeneratedRegex(@"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance/[0-9a-fA-F-]{36})$")]
    public static partial Regex InstanceId();

    [GeneratedRegex(@"^d-[0-9a-f]{10}$")]
    public static partial Regex DirectoryId();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(aws|\d{12}):policy/[\w+=,.@/-]+$")]
    public static partial Regex IamPolicyArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9_-]+(:[a-zA-Z0-9_$-]+)?$")]
    public static partial Regex LambdaArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias/[A-Za-z0-9]+/[A-Za-z0-9]+$")]
    public static partial Regex LexV2AliasArn();

    [GeneratedRegex(@"^[A-Za-z]+$")]
    public static partial Regex LexBotName();

    /// <summary>E.164, as the Connect model's PhoneNumber shape.</summary>
    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    public static partial Regex E164();

    [GeneratedRegex(@"^\+?[0-9]{1,11}$")]
    public static partial Regex PhonePrefix();

    /// <summary>CreateSecurityProfileName.</summary>
    [GeneratedRegex(@"^[ a-zA-Z0-9_@-]+$")]
    public static partial Regex SecurityProfileName();

    [GeneratedRegex(@"^[a-zA-Z0-9_\-.@+]+$")]
    public static partial Regex Username();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex Email();

    [GeneratedRegex(@"^([01]?\d|2[0-4]):[0-5]\d$")]
    public static partial Regex Time();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    public static partial Regex S3Bucket();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+$")]
    public static partial Regex OperationName();

    [GeneratedRegex(@"^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+|[\w/+=.@-]{1,512})$")]
    public static partial Regex SecretRef();
}
