namespace ConnectOps.Engine.Config;

public enum ConfigScalarKind
{
    Null,
    String,
    Integer,
    Double,
    Boolean,
}
