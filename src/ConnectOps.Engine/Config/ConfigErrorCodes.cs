namespace ConnectOps.Engine.Config;

/// <summary>Stable error ids; hosts use them as ErrorRecord ids. Never rename one.</summary>
public static class ConfigErrorCodes
{
    public const string FileNotFound = "ConnectOps.Config.FileNotFound";
    public const string ParseError = "ConnectOps.Config.ParseError";
    public const string NotAllowed = "ConnectOps.Config.NotAllowed";
    public const string NotAHashtable = "ConnectOps.Config.NotAHashtable";
    public const string DuplicateKey = "ConnectOps.Config.DuplicateKey";
    public const string UnknownKey = "ConnectOps.Config.UnknownKey";
    public const string WrongType = "ConnectOps.Config.WrongType";
    public const string MissingValue = "ConnectOps.Config.MissingValue";
    public const string InvalidValue = "ConnectOps.Config.InvalidValue";
    public const string InvalidEnum = "ConnectOps.Config.InvalidEnum";
    public const string OutOfRange = "ConnectOps.Config.OutOfRange";
    public const string TooLong = "ConnectOps.Config.TooLong";
    public const string TooMany = "ConnectOps.Config.TooMany";
    public const string DuplicateName = "ConnectOps.Config.DuplicateName";
    public const string DanglingReference = "ConnectOps.Config.DanglingReference";
    public const string InvalidTime = "ConnectOps.Config.InvalidTime";
    public const string UnknownTimeZone = "ConnectOps.Config.UnknownTimeZone";
    public const string Conflict = "ConnectOps.Config.Conflict";
    public const string SecretInConfig = "ConnectOps.Config.SecretInConfig";
    public const string FlowFile = "ConnectOps.Config.FlowFile";
    public const string UnresolvedPlaceholder = "ConnectOps.Config.UnresolvedPlaceholder";
    public const string Cycle = "ConnectOps.Config.Cycle";
    public const string InvalidFlow = "ConnectOps.Config.InvalidFlow";
    public const string FlowWarning = "ConnectOps.Config.FlowWarning";
}
