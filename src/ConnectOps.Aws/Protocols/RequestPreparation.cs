using System.Collections;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>What every marshaller does first: fill idempotency tokens and check required members.</summary>
internal static class RequestPreparation
{
    private const int MaxDepth = 128;

    public static void Prepare(object request, OperationMetadata operation)
    {
        FillIdempotencyTokens(request, operation.Input);
        Validate(request, operation.Input, operation.Input.Name, operation.Name, 0);
    }

    /// <summary>
    /// Sets each unset idempotency-token member to a new GUID, on the request object itself, so
    /// that sending the same request object again reuses the token (as the service expects of a retry).
    /// </summary>
    public static void FillIdempotencyTokens(object request, ShapeMetadata shape)
    {
        foreach (var member in shape.Members)
            if (member.IdempotencyToken && member.Getter(request) is null)
                member.Setter(request, Guid.NewGuid().ToString());
    }

    /// <summary>Throws <see cref="RequestValidationException"/> for the first required member that is not set.</summary>
    public static void Validate(object value, ShapeMetadata shape, string path, string operation, int depth)
    {
        if (depth > MaxDepth)
            throw new RequestValidationException(operation, path, $"{path} nests deeper than {MaxDepth} levels; is there a cycle in the object graph?");
        foreach (var member in shape.Members)
        {
            var memberPath = path + "." + member.PropertyName;
            var memberValue = member.Getter(value);
            if (memberValue is null)
            {
                if (member.Required)
                    throw new RequestValidationException(operation, memberPath,
                        $"{memberPath} is required by {operation} but is not set.");
                continue;
            }
            if (member.Location == MemberLocation.Uri && memberValue is string { Length: 0 })
                throw new RequestValidationException(operation, memberPath,
                    $"{memberPath} is part of the {operation} request URI and must not be empty.");
            ValidateNested(memberValue, member.Shape, memberPath, operation, depth + 1);
        }
    }

    private static void ValidateNested(object value, ShapeMetadata shape, string path, string operation, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                Validate(value, shape, path, operation, depth);
                break;
            case ShapeType.List when shape.ListMember!.Type is ShapeType.Structure or ShapeType.List or ShapeType.Map:
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null)
                        ValidateNested(item, shape.ListMember, $"{path}[{i}]", operation, depth + 1);
                    i++;
                }
                break;
            case ShapeType.Map when shape.MapValue!.Type is ShapeType.Structure or ShapeType.List or ShapeType.Map:
                foreach (DictionaryEntry entry in (IDictionary)value)
                    if (entry.Value is not null)
                        ValidateNested(entry.Value, shape.MapValue, $"{path}[\"{entry.Key}\"]", operation, depth + 1);
                break;
        }
    }
}
