using System.Management.Automation;
using System.Security;

namespace ConnectOps.Resources;

/// <summary>
/// Lets a CSV column bind to a SecureString parameter (Import-Csv gives strings): the text becomes a SecureString at
/// once and is never kept as a string by ConnectOps.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject pso ? pso.BaseObject : inputData;
        if (value is not string text) return inputData;
        if (text.Length == 0) return null;
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}

/// <summary>Lets a CSV column ("true", "yes", "1", "false", "no", "0", "") bind to a [bool] parameter.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject pso ? pso.BaseObject : inputData;
        if (value is not string text) return inputData;
        return text.Trim().ToLowerInvariant() switch
        {
            "" => null,
            "true" or "yes" or "y" or "1" or "$true" => true,
            "false" or "no" or "n" or "0" or "$false" => false,
            _ => throw new ArgumentTransformationMetadataException($"'{text}' is not a yes/no value: write true or false."),
        };
    }
}
