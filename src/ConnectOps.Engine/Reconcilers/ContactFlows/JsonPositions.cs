using System.Text;
using System.Text.Json;

namespace ConnectOps.Engine.Reconcilers.ContactFlows;

/// <summary>
/// Where each value of a JSON text starts (1-based line and column), by path: <c>Actions[3]</c>,
/// <c>Actions[3].Transitions.Errors[0].NextAction</c> (a property is placed at its name). JsonNode keeps no
/// positions; this lets flow validation name the file line of an action.
/// </summary>
public sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;

    private JsonPositions(Dictionary<string, (int Line, int Column)> positions) => _positions = positions;

    public static JsonPositions Empty { get; } = new([]);

    /// <summary>The position of <paramref name="path"/>, or of its nearest enclosing value that has one.</summary>
    public (int Line, int Column)? Find(string path)
    {
        while (true)
        {
            if (_positions.TryGetValue(path, out var p)) return p;
            if (path.Length == 0) return null;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut <= 0 ? "" : path[..cut];
        }
    }

    /// <summary>Indexes <paramref name="text"/>; a text that is not valid JSON yields what was read before the error.</summary>
    public static JsonPositions Index(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        }
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        string? property = null;
        var reader = new Utf8JsonReader(bytes);
        try
        {
            while (reader.Read())
            {
                var offset = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Join(frames.Peek().Path, reader.GetString() ?? "");
                        result.TryAdd(property, Position(bytes, lineStarts, offset));
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ValuePath(frames, ref property);
                        result.TryAdd(path, Position(bytes, lineStarts, offset));
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        result.TryAdd(ValuePath(frames, ref property), Position(bytes, lineStarts, offset));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Positions up to the error are still useful; the JSON error itself is reported elsewhere.
        }
        return new JsonPositions(result);
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Next { get; set; }
    }

    private static string ValuePath(Stack<Frame> frames, ref string? property)
    {
        if (frames.Count == 0) return "";
        var top = frames.Peek();
        if (top.IsArray) return $"{top.Path}[{top.Next++}]";
        var path = property ?? top.Path;
        property = null;
        return path;
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static (int, int) Position(byte[] bytes, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
        return (line + 1, column);
    }
}
