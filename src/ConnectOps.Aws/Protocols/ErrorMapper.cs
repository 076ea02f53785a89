using Amazon.Runtime;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>Turns a parsed error envelope into the generated exception its code names.</summary>
internal static class ErrorMapper
{
    /// <param name="fillMembers">Sets the exception shape's extra members (ResourceId, Reason, problems …) from the body.</param>
    public static AmazonServiceException Create(ServiceModelMetadata service, ErrorEnvelope envelope, Action<ShapeMetadata, AmazonServiceException>? fillMembers)
    {
        if (envelope.ErrorCode is { } code && service.Errors.TryGetValue(code, out var shape) && shape.ExceptionFactory is { } factory)
        {
            var exception = factory(envelope);
            if (fillMembers is not null && shape.Members.Count > 0)
            {
                try
                {
                    fillMembers(shape, exception);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException or System.Xml.XmlException)
                {
                    // The typed exception with its code and message matters more than an extra member the body garbled.
                }
            }
            return exception;
        }
        return service.UnmodeledExceptionFactory(envelope);
    }

    /// <summary>The error code with anything after ':' (x-amzn-ErrorType) or before '#' (__type namespaces) removed.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return code;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
            code = code[(hash + 1)..];
        return code;
    }
}
