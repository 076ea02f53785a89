using System.Collections;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Iam;
using ConnectOps.Aws.Logs;
using ConnectOps.Aws.Runtime;
using ConnectOps.Aws.SecretsManager;

namespace ConnectOps.Aws.Tests.TestSupport;

/// <summary>Every generated operation, and sample requests built from the model alone.</summary>
public static class Samples
{
    public const string ArnLabel = "arn:aws:connect:eu-west-2:123456789012:instance/abc/contact-flow/def:$SAVED";
    public const string PlainLabel = "id:a/b c+d";
    public static readonly DateTime Timestamp = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public static IReadOnlyDictionary<string, OperationMetadata> Operations { get; } =
        ConnectOperations.All.Select(o => ("connect", o))
            .Concat(IamOperations.All.Select(o => ("iam", o)))
            .Concat(LogsOperations.All.Select(o => ("logs", o)))
            .Concat(SecretsManagerOperations.All.Select(o => ("secretsmanager", o)))
            .ToDictionary(p => p.Item1 + ":" + p.o.Name, p => p.o, StringComparer.Ordinal);

    public static IEnumerable<object[]> OperationIds() => Operations.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    /// <summary>A request with every required member set to a valid value, plus (optionally) the optional ones.</summary>
    public static object Request(OperationMetadata operation, bool withOptional = true) =>
        Structure(operation.Input, withOptional, new Stack<string>(), 0);

    private static object Structure(ShapeMetadata shape, bool withOptional, Stack<string> path, int depth)
    {
        var instance = shape.Factory!();
        path.Push(shape.Name);
        var members = shape.IsUnion
            ? shape.Members.Where(m => !path.Contains(m.Shape.Name)).Take(1)
            : shape.Members.Where(m => m.Required || (withOptional && depth < 4 && !Recursive(m.Shape, path)));
        foreach (var member in members)
            member.Setter(instance, Value(member.Shape, member, withOptional, path, depth + 1));
        path.Pop();
        return instance;
    }

    private static bool Recursive(ShapeMetadata shape, Stack<string> path) => shape.Type switch
    {
        ShapeType.Structure => path.Contains(shape.Name),
        ShapeType.List => Recursive(shape.ListMember!, path),
        ShapeType.Map => Recursive(shape.MapValue!, path),
        _ => false,
    };

    public static object Value(ShapeMetadata shape, MemberMetadata? member, bool withOptional, Stack<string> path, int depth)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                return Structure(shape, withOptional, path, depth);
            case ShapeType.List:
                var list = shape.NewList();
                var count = (int)Math.Max(1, shape.Min ?? 1);
                if (shape.Max is { } maxCount)
                    count = Math.Min(count, (int)maxCount);
                if (shape.ListMember!.Type == ShapeType.String && count == 1 && (shape.Max ?? 2) >= 2)
                    count = 2; // two items show that lists repeat
                for (var i = 0; i < count; i++)
                {
                    var item = Value(shape.ListMember!, null, withOptional, path, depth + 1);
                    list.Add(item is string s && shape.ListMember.Enum is null ? Fit(s + i, shape.ListMember) : item);
                }
                return list;
            case ShapeType.Map:
                var map = shape.NewMap();
                map[Fit("key", shape.MapKey!)] = Value(shape.MapValue!, null, withOptional, path, depth + 1);
                return map;
            case ShapeType.String:
                if (shape.Enum is { Count: > 0 } values)
                    return values[0];
                if (member?.Location == MemberLocation.Uri)
                    return Fit(member.Name.Contains("arn", StringComparison.OrdinalIgnoreCase) ? ArnLabel : PlainLabel, shape);
                return Fit("v-" + (member?.Name ?? shape.Name), shape);
            case ShapeType.Integer:
                return (int)Number(shape);
            case ShapeType.Long:
                return (long)Number(shape);
            case ShapeType.Float:
                return (float)Number(shape);
            case ShapeType.Double:
                return Number(shape);
            case ShapeType.Boolean:
                return true;
            case ShapeType.Timestamp:
                return Timestamp;
            case ShapeType.Blob:
                return new byte[] { 1, 2, 3 };
            default:
                throw new InvalidOperationException(shape.Type.ToString());
        }
    }

    private static double Number(ShapeMetadata shape)
    {
        var value = shape.Min ?? 1;
        if (shape.Max is { } max && value > max)
            value = max;
        return value;
    }

    /// <summary>Pads or cuts a string into the shape's length range.</summary>
    public static string Fit(string value, ShapeMetadata shape)
    {
        if (shape.Max is { } max && value.Length > max)
            value = value[..(int)max];
        if (shape.Min is { } min && value.Length < min)
            value = value.PadRight((int)min, 'x');
        return value;
    }

    /// <summary>The members of a structure that are set, by wire name.</summary>
    public static IEnumerable<(MemberMetadata Member, object Value)> SetMembers(object instance, ShapeMetadata shape) =>
        shape.Members.Select(m => (m, m.Getter(instance))).Where(p => p.Item2 is not null).Select(p => (p.m, p.Item2!));

    public static IEnumerable<object> Items(object list) => ((IEnumerable)list).Cast<object>();
}
