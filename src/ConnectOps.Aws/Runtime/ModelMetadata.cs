using System.Collections;
using System.Net;
using Amazon.Runtime;

namespace ConnectOps.Aws.Runtime;

/// <summary>The botocore shape types the generator emits.</summary>
public enum ShapeType
{
    String,
    Integer,
    Long,
    Boolean,
    Float,
    Double,
    Timestamp,
    Blob,
    List,
    Map,
    Structure,

    /// <summary>Free-form JSON (Smithy document), carried as a <see cref="System.Text.Json.JsonElement"/>.</summary>
    Document,
}

/// <summary>Where a request or response member travels on the wire (botocore <c>location</c>).</summary>
public enum MemberLocation
{
    /// <summary>The JSON body (rest-json, json-1.1) or the form/XML document (query).</summary>
    Body,
    Uri,
    QueryString,
    Header,
    StatusCode,
}

/// <summary>The wire protocols ConnectOps speaks (botocore metadata <c>protocol</c>).</summary>
public enum WireProtocol
{
    RestJson,
    Json,
    Query,
}

/// <summary>
/// One shape of a service model: its type, constraints and, for structures, its members with
/// generated accessors (no reflection at run time). Emitted by tools/Codegen; recursive shapes
/// reference each other, so members are attached after every shape object exists.
/// </summary>
public sealed class ShapeMetadata
{
    private IReadOnlyList<MemberMetadata> _members = Array.Empty<MemberMetadata>();
    private Dictionary<string, MemberMetadata>? _byName;

    public ShapeMetadata(string name, ShapeType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The model's shape name (for request and response classes, the generated class name).</summary>
    public string Name { get; }

    public ShapeType Type { get; }

    /// <summary>Allowed values when the model declares an enum (sent as strings).</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>Minimum length (strings, lists, maps, blobs) or value (numbers).</summary>
    public double? Min { get; init; }

    /// <summary>Maximum length (strings, lists, maps, blobs) or value (numbers).</summary>
    public double? Max { get; init; }

    public string? Pattern { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>botocore <c>timestampFormat</c> when the shape overrides the protocol default.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The generated CLR type: a model class for structures, a List/Dictionary for collections.</summary>
    public Type? ClrType { get; init; }

    /// <summary>Creates an empty instance of a structure, list or map.</summary>
    public Func<object>? Factory { get; init; }

    public bool IsUnion { get; init; }

    public bool IsException { get; init; }

    /// <summary>The error code that selects this exception (botocore <c>error.code</c>, else the shape name).</summary>
    public string? ErrorCode { get; init; }

    public int? HttpStatusCode { get; init; }

    /// <summary>Builds the modeled exception from the parsed error envelope.</summary>
    public Func<ErrorEnvelope, AmazonServiceException>? ExceptionFactory { get; init; }

    /// <summary>List element shape.</summary>
    public ShapeMetadata? ListMember { get; private set; }

    /// <summary>XML element name of list members (query protocol), "member" unless the model says otherwise.</summary>
    public string ListMemberLocationName { get; private set; } = "member";

    public bool Flattened { get; private set; }

    public ShapeMetadata? MapKey { get; private set; }

    public ShapeMetadata? MapValue { get; private set; }

    public IReadOnlyList<MemberMetadata> Members => _members;

    public IReadOnlyList<string> Required { get; private set; } = Array.Empty<string>();

    public MemberMetadata? FindMember(string name)
    {
        _byName ??= _members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        return _byName.GetValueOrDefault(name);
    }

    public void InitializeStructure(IReadOnlyList<MemberMetadata> members)
    {
        _members = members;
        _byName = null;
        Required = members.Where(m => m.Required).Select(m => m.Name).ToArray();
    }

    public void InitializeList(ShapeMetadata member, string? memberLocationName = null, bool flattened = false)
    {
        ListMember = member;
        ListMemberLocationName = memberLocationName ?? "member";
        Flattened = flattened;
    }

    public void InitializeMap(ShapeMetadata key, ShapeMetadata value)
    {
        MapKey = key;
        MapValue = value;
    }

    public IList NewList() => (IList)(Factory ?? throw new InvalidOperationException($"{Name} has no factory."))();

    public IDictionary NewMap() => (IDictionary)(Factory ?? throw new InvalidOperationException($"{Name} has no factory."))();

    public override string ToString() => $"{Name} ({Type})";
}

/// <summary>One member of a structure shape.</summary>
public sealed class MemberMetadata
{
    public MemberMetadata(string name, string propertyName, ShapeMetadata shape, Func<object, object?> getter, Action<object, object?> setter)
    {
        Name = name;
        PropertyName = propertyName;
        Shape = shape;
        Getter = getter;
        Setter = setter;
    }

    /// <summary>The member name in the model (the JSON key unless <see cref="LocationName"/> says otherwise).</summary>
    public string Name { get; }

    /// <summary>The generated property name (the member name with its first letter upper-cased).</summary>
    public string PropertyName { get; }

    public ShapeMetadata Shape { get; }

    public MemberLocation Location { get; init; } = MemberLocation.Body;

    /// <summary>botocore <c>locationName</c>: URI label, query key, header name or wire name.</summary>
    public string? LocationName { get; init; }

    public bool Required { get; init; }

    public bool IdempotencyToken { get; init; }

    /// <summary>The name the member travels under: its location name if any, else its member name.</summary>
    public string WireName => LocationName ?? Name;

    public Func<object, object?> Getter { get; }

    public Action<object, object?> Setter { get; }

    public override string ToString() => $"{Name}: {Shape.Name} ({Location})";
}

/// <summary>A service's model-level facts: protocol, signing, endpoint prefix and its error shapes.</summary>
public sealed class ServiceModelMetadata
{
    private IReadOnlyDictionary<string, ShapeMetadata> _errors = new Dictionary<string, ShapeMetadata>();

    public required string ServiceId { get; init; }

    public required string ApiVersion { get; init; }

    public required WireProtocol Protocol { get; init; }

    public required string SigningName { get; init; }

    public required string EndpointPrefix { get; init; }

    public string? TargetPrefix { get; init; }

    public string? JsonVersion { get; init; }

    public string? XmlNamespace { get; init; }

    /// <summary>The partition-global endpoint host (IAM), signed for us-east-1.</summary>
    public string? GlobalEndpoint { get; init; }

    /// <summary>Builds the service's base exception for an error code that is not modeled.</summary>
    public required Func<ErrorEnvelope, AmazonServiceException> UnmodeledExceptionFactory { get; init; }

    /// <summary>Modeled exceptions by wire error code.</summary>
    public IReadOnlyDictionary<string, ShapeMetadata> Errors => _errors;

    public void InitializeErrors(IEnumerable<ShapeMetadata> errorShapes)
    {
        var map = new Dictionary<string, ShapeMetadata>(StringComparer.Ordinal);
        foreach (var shape in errorShapes)
        {
            map[shape.Name] = shape;
            if (shape.ErrorCode is { } code)
                map[code] = shape;
        }
        _errors = map;
    }
}

/// <summary>Pagination facts from the model's paginators file.</summary>
public sealed class PaginatorMetadata
{
    public required string InputToken { get; init; }

    public required string OutputToken { get; init; }

    public string? LimitKey { get; init; }

    public IReadOnlyList<string> ResultKeys { get; init; } = Array.Empty<string>();

    /// <summary>A boolean output member that says whether more pages exist (IAM's IsTruncated).</summary>
    public string? MoreResults { get; init; }

    public IReadOnlyList<string> NonAggregateKeys { get; init; } = Array.Empty<string>();
}

/// <summary>Everything the protocol code needs to put one operation on the wire and read its answer.</summary>
public sealed class OperationMetadata
{
    public required ServiceModelMetadata Service { get; init; }

    public required string Name { get; init; }

    public required string HttpMethod { get; init; }

    /// <summary>The request URI template, e.g. <c>/tags/{resourceArn}</c>; may carry a literal query part.</summary>
    public required string RequestUri { get; init; }

    public required ShapeMetadata Input { get; init; }

    public required ShapeMetadata Output { get; init; }

    /// <summary>Query protocol: the element that wraps the result (e.g. CreateRoleResult).</summary>
    public string? ResultWrapper { get; init; }

    public IReadOnlyList<ShapeMetadata> Errors { get; init; } = Array.Empty<ShapeMetadata>();

    public PaginatorMetadata? Paginator { get; init; }

    public required Func<AmazonWebServiceResponse> ResponseFactory { get; init; }

    public override string ToString() => $"{Service.ServiceId} {Name}";
}

/// <summary>An error response as read from the wire, before it becomes a typed exception.</summary>
public sealed record ErrorEnvelope(
    string? Message,
    Exception? InnerException,
    ErrorType ErrorType,
    string? ErrorCode,
    string? RequestId,
    HttpStatusCode StatusCode);
