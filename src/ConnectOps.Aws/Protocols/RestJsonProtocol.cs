using System.Collections;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// rest-json requests (Amazon Connect): members go to URI labels (percent-encoded by AWSSDK.Core,
/// '/' and ':' included, greedy <c>{X+}</c> labels keep '/'), the query string (lists as repeated
/// keys), headers, or the JSON body. Operations without body members send no body.
/// </summary>
internal sealed class RestJsonMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private readonly OperationMetadata _operation;
    private readonly bool _hasBodyMembers;

    public RestJsonMarshaller(OperationMetadata operation)
    {
        _operation = operation;
        _hasBodyMembers = operation.Input.Members.Any(m => m.Location == MemberLocation.Body);
    }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var op = _operation;
        RequestPreparation.Prepare(input, op);
        var request = new DefaultRequest(input, op.Service.ServiceId) { HttpMethod = op.HttpMethod };
        request.Headers["X-Amz-Api-Version"] = op.Service.ApiVersion;

        var template = op.RequestUri;
        var queryStart = template.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            // A literal query part in the template, e.g. "/path?type=x" or "/path?flag".
            foreach (var pair in template[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                request.Parameters[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
            }
            template = template[..queryStart];
        }
        request.ResourcePath = template;

        foreach (var member in op.Input.Members)
        {
            var value = member.Getter(input);
            if (value is null)
                continue;
            switch (member.Location)
            {
                case MemberLocation.Uri:
                    var label = "{" + member.WireName + "}";
                    var greedy = "{" + member.WireName + "+}";
                    var text = WireValues.Format(value, member.Shape);
                    request.AddPathResource(template.Contains(greedy, StringComparison.Ordinal) ? greedy : label, text);
                    break;
                case MemberLocation.QueryString:
                    AddQuery(request, member, value);
                    break;
                case MemberLocation.Header:
                    request.Headers[member.WireName] = WireValues.Format(value, member.Shape, "rfc822");
                    break;
            }
        }
        request.UseQueryString = request.Parameters.Count > 0;

        if (_hasBodyMembers)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                JsonCodec.WriteStructure(writer, input, op.Input, m => m.Location == MemberLocation.Body);
            request.Content = buffer.ToArray();
            request.Headers["Content-Type"] = "application/json";
        }
        return request;
    }

    private static void AddQuery(DefaultRequest request, MemberMetadata member, object value)
    {
        switch (member.Shape.Type)
        {
            case ShapeType.List:
                var items = new List<string>();
                foreach (var item in (IEnumerable)value)
                    if (item is not null)
                        items.Add(WireValues.Format(item, member.Shape.ListMember!));
                request.ParameterCollection.Add(member.WireName, items);
                break;
            case ShapeType.Map:
                // A querystring map spreads its entries over the query string (keys not bound elsewhere).
                foreach (DictionaryEntry entry in (IDictionary)value)
                    if (entry.Value is not null && !request.Parameters.ContainsKey((string)entry.Key))
                        request.Parameters[(string)entry.Key] = WireValues.Format(entry.Value, member.Shape.MapValue!);
                break;
            default:
                request.Parameters[member.WireName] = WireValues.Format(value, member.Shape);
                break;
        }
    }
}

/// <summary>
/// rest-json and json-1.1 responses. A success body is read with System.Text.Json into the response
/// (an empty body is fine); rest-json header and status-code members come from the HTTP response.
/// Errors go through AWSSDK.Core's <see cref="JsonErrorResponseUnmarshaller"/> (x-amzn-ErrorType,
/// then __type, then code) and become the generated exception type with its extra members.
/// </summary>
internal sealed class JsonProtocolResponseUnmarshaller : JsonResponseUnmarshaller
{
    private readonly OperationMetadata _operation;
    private readonly bool _restJson;

    public JsonProtocolResponseUnmarshaller(OperationMetadata operation)
    {
        _operation = operation;
        _restJson = operation.Service.Protocol == WireProtocol.RestJson;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        var response = _operation.ResponseFactory();
        var output = _operation.Output;
        var body = ReadAll(context.Stream);
        if (!IsBlank(body))
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                JsonCodec.ReadStructure(doc.RootElement, output, response, m => m.Location == MemberLocation.Body);
        }
        if (_restJson)
        {
            foreach (var member in output.Members)
            {
                if (member.Location == MemberLocation.Header && context.ResponseData.IsHeaderPresent(member.WireName))
                    member.Setter(response, WireValues.Parse(context.ResponseData.GetHeaderValue(member.WireName), member.Shape));
                else if (member.Location == MemberLocation.StatusCode)
                    member.Setter(response, (int)context.ResponseData.StatusCode);
            }
        }
        response.ResponseMetadata ??= new ResponseMetadata();
        response.ResponseMetadata.RequestId ??= RequestIdOf(context.ResponseData);
        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, System.Net.HttpStatusCode statusCode)
    {
        var reader = new Amazon.Runtime.Internal.Util.StreamingUtf8JsonReader(context.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
        var body = context.GetResponseBodyBytes();
        var envelope = new ErrorEnvelope(
            error.Message ?? HeaderOrNull(context.ResponseData, "x-amzn-error-message"),
            innerException,
            error.Type,
            ErrorMapper.NormalizeCode(error.Code),
            error.RequestId ?? RequestIdOf(context.ResponseData),
            statusCode);
        return ErrorMapper.Create(_operation.Service, envelope, (shape, exception) =>
        {
            if (IsBlank(body))
                return;
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                JsonCodec.ReadStructure(doc.RootElement, shape, exception, m => m.Location == MemberLocation.Body);
        });
    }

    internal static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    internal static bool IsBlank(byte[]? bytes) => bytes is null || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    internal static string? HeaderOrNull(IWebResponseData response, string name) =>
        response.IsHeaderPresent(name) ? response.GetHeaderValue(name) : null;

    internal static string? RequestIdOf(IWebResponseData response) =>
        HeaderOrNull(response, "x-amzn-RequestId") ?? HeaderOrNull(response, "x-amz-request-id");
}
