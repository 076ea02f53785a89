using System.Globalization;
using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// rest-json (Amazon Connect): routes on method + the model's requestUri templates (labels, greedy labels,
/// literal query keys), binds members from URI, query string, headers and JSON body by their model locations,
/// and writes 200 + JSON or status + x-amzn-ErrorType + {"Message"}.
/// </summary>
internal sealed class RestJsonProtocol : WireProtocol
{
    private readonly List<Route> routes;

    public RestJsonProtocol(ServiceModel model)
    {
        Model = model;
        routes = model.Operations.Values.Select(Route.Parse).ToList();
    }

    public override ServiceModel Model { get; }

    public ResolvedRequest Resolve(HttpContext http, ReadOnlyMemory<byte> body)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart >= 0 ? rawTarget[..queryStart] : rawTarget;
        var query = ParseQuery(queryStart >= 0 ? rawTarget[(queryStart + 1)..] : string.Empty, plusIsSpace: false);
        var segments = rawPath.Split('/', StringSplitOptions.None).Skip(1).ToList();
        if (segments.Count > 0 && segments[^1].Length == 0)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        Route? best = null;
        Dictionary<string, string>? bestLabels = null;
        var methodMatched = false;
        foreach (var route in routes)
        {
            if (route.TryMatch(segments, query, out var labels))
            {
                if (!string.Equals(route.Operation.Method, http.Request.Method, StringComparison.OrdinalIgnoreCase))
                {
                    methodMatched = true;
                    continue;
                }

                if (best is null || route.Specificity > best.Specificity)
                {
                    best = route;
                    bestLabels = labels;
                }
            }
        }

        if (best is null)
        {
            var message = methodMatched
                ? $"Method {http.Request.Method} is not allowed on {rawPath}."
                : $"No operation matches {http.Request.Method} {rawPath}.";
            throw new ApiException("UnknownOperationException", message, status: methodMatched ? 405 : 404);
        }

        var operation = best.Operation;
        return new ResolvedRequest(this, operation, () => Bind(operation, bestLabels!, query, http.Request.Headers, body));
    }

    public override Task WriteSuccessAsync(HttpContext http, Operation operation, JsonObject output, string requestId) =>
        WriteJsonAsync(http, 200, "application/json", output);

    public override Task WriteErrorAsync(HttpContext http, ApiException error, string requestId)
    {
        var code = error.CodeFor(Model);
        http.Response.Headers["x-amzn-ErrorType"] = code;
        var body = new JsonObject { ["Message"] = error.Message };
        if (error.Extra is not null)
        {
            foreach (var (key, value) in error.Extra)
            {
                body[key] = value?.DeepClone();
            }
        }

        return WriteJsonAsync(http, error.StatusFor(Model), "application/json", body);
    }

    internal static Dictionary<string, List<string>> ParseQuery(string query, bool plusIsSpace)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq >= 0 ? pair[..eq] : pair, plusIsSpace);
            var value = eq >= 0 ? Decode(pair[(eq + 1)..], plusIsSpace) : string.Empty;
            if (!result.TryGetValue(key, out var values))
            {
                values = [];
                result[key] = values;
            }

            values.Add(value);
        }

        return result;
    }

    private static string Decode(string text, bool plusIsSpace)
    {
        if (plusIsSpace)
        {
            text = text.Replace('+', ' ');
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static JsonObject Bind(Operation operation, Dictionary<string, string> labels, Dictionary<string, List<string>> query, IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        var input = new JsonObject();
        var shape = operation.Input;
        if (shape is null)
        {
            return input;
        }

        var hasBodyMembers = shape.Members.Values.Any(m => m.Location is null);
        var json = hasBodyMembers ? ParseJsonBody(body) : new JsonObject();
        var boundQueryKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, member) in shape.Members)
        {
            switch (member.Location)
            {
                case "uri":
                    if (labels.TryGetValue(member.WireName, out var label))
                    {
                        input[name] = ScalarFromText(operation, name, label, member.Shape);
                    }

                    break;
                case "querystring" when member.Shape.Type == "map":
                    break;
                case "querystring":
                    boundQueryKeys.Add(member.WireName);
                    if (query.TryGetValue(member.WireName, out var values) && values.Count > 0)
                    {
                        input[name] = member.Shape.Type == "list"
                            ? new JsonArray(values.Select(v => ScalarFromText(operation, name, v, member.Shape.ListMember!.Shape)).ToArray())
                            : ScalarFromText(operation, name, values[0], member.Shape);
                    }

                    break;
                case "header":
                    if (headers.TryGetValue(member.WireName, out var header))
                    {
                        input[name] = ScalarFromText(operation, name, header.ToString(), member.Shape);
                    }

                    break;
                case null:
                    if (json[name] is { } value)
                    {
                        input[name] = value.DeepClone();
                    }

                    break;
            }
        }

        foreach (var (name, member) in shape.Members.Where(m => m.Value.Location == "querystring" && m.Value.Shape.Type == "map"))
        {
            var map = new JsonObject();
            foreach (var (key, values) in query.Where(q => !boundQueryKeys.Contains(q.Key)))
            {
                map[key] = values[0];
            }

            if (map.Count > 0)
            {
                input[name] = map;
            }
        }

        return input;
    }

    /// <summary>Converts a URI, query or header value to the member's type; text that is not a number is refused by name.</summary>
    internal static JsonNode? ScalarFromText(Operation operation, string member, string text, Shape shape)
    {
        switch (shape.Type)
        {
            case "integer":
            case "long":
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                    ? JsonValue.Create(n)
                    : throw ApiException.Validation(operation, $"Value '{text}' at '{member}' failed to satisfy constraint: Member must be an integer");
            case "double":
            case "float":
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? JsonValue.Create(d)
                    : throw ApiException.Validation(operation, $"Value '{text}' at '{member}' failed to satisfy constraint: Member must be a number");
            case "boolean":
                return bool.TryParse(text, out var b)
                    ? JsonValue.Create(b)
                    : throw ApiException.Validation(operation, $"Value '{text}' at '{member}' failed to satisfy constraint: Member must be a boolean");
            default:
                return JsonValue.Create(text);
        }
    }

    private sealed class Route
    {
        private Route(Operation operation, List<Segment> segments, Dictionary<string, string?> literalQuery)
        {
            Operation = operation;
            Segments = segments;
            LiteralQuery = literalQuery;
            Specificity = (segments.Count(s => s.Literal is not null) * 10) + literalQuery.Count - (segments.Any(s => s.Greedy) ? 5 : 0);
        }

        public Operation Operation { get; }

        public List<Segment> Segments { get; }

        public Dictionary<string, string?> LiteralQuery { get; }

        public int Specificity { get; }

        public static Route Parse(Operation operation)
        {
            var uri = operation.RequestUri;
            var q = uri.IndexOf('?', StringComparison.Ordinal);
            var literalQuery = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (q >= 0)
            {
                foreach (var pair in uri[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    literalQuery[eq >= 0 ? pair[..eq] : pair] = eq >= 0 ? pair[(eq + 1)..] : null;
                }

                uri = uri[..q];
            }

            var segments = uri.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.StartsWith('{') && s.EndsWith('}')
                    ? new Segment(null, s[1..^1].TrimEnd('+'), s.EndsWith("+}", StringComparison.Ordinal))
                    : new Segment(s, null, false))
                .ToList();
            return new Route(operation, segments, literalQuery);
        }

        public bool TryMatch(List<string> path, Dictionary<string, List<string>> query, out Dictionary<string, string> labels)
        {
            labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in LiteralQuery)
            {
                if (!query.TryGetValue(key, out var values) || (value is not null && !values.Contains(value)))
                {
                    return false;
                }
            }

            var i = 0;
            foreach (var segment in Segments)
            {
                if (segment.Greedy)
                {
                    if (i >= path.Count)
                    {
                        return false;
                    }

                    labels[segment.Label!] = string.Join('/', path.Skip(i).Select(p => Decode(p, false)));
                    return true;
                }

                if (i >= path.Count)
                {
                    return false;
                }

                if (segment.Literal is not null)
                {
                    if (!string.Equals(segment.Literal, path[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
                else
                {
                    var decoded = Decode(path[i], false);
                    if (decoded.Length == 0)
                    {
                        return false;
                    }

                    labels[segment.Label!] = decoded;
                }

                i++;
            }

            return i == path.Count;
        }
    }

    private sealed record Segment(string? Literal, string? Label, bool Greedy);
}
