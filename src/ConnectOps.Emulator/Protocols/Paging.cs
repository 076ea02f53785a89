using System.Globalization;
using System.Text;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// Opaque page tokens (base64 of operation and offset) and page sizes from the model: the MaxResults member's range
/// bounds the page and its maximum is the default when the caller sends none.
/// </summary>
internal static class Paging
{
    public static (List<T> Page, string? NextToken) Page<T>(ApiCall call, IReadOnlyList<T> items, string maxMember = "MaxResults", string tokenMember = "NextToken", int? defaultSize = null)
    {
        var size = call.GetInt(maxMember) ?? defaultSize ?? DefaultSize(call, maxMember);
        var offset = 0;
        if (call.GetString(tokenMember) is { Length: > 0 } token)
        {
            offset = Decode(call, token, tokenMember);
        }

        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Encode(call.Operation.Name, offset + page.Count) : null;
        return (page, next);
    }

    private static int DefaultSize(ApiCall call, string maxMember) =>
        call.Operation.Input?.Members.TryGetValue(maxMember, out var member) == true && member.Shape.Max is { } max ? (int)max : 100;

    private static string Encode(string operation, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{operation}:{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int Decode(ApiCall call, string token, string tokenMember)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.LastIndexOf(':');
            if (colon > 0 && text[..colon] == call.Operation.Name
                && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiException.Validation(call.Operation, $"Value at '{tokenMember}' is not a valid pagination token for {call.Operation.Name}.");
    }
}
