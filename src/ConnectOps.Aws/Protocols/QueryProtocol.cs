using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// Query requests (IAM): <c>POST /</c> with a form body <c>Action=…&amp;Version=…</c> plus the
/// flattened members (see <see cref="QueryCodec"/>).
/// </summary>
internal sealed class QueryMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private readonly OperationMetadata _operation;

    public QueryMarshaller(OperationMetadata operation) => _operation = operation;

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var op = _operation;
        RequestPreparation.Prepare(input, op);
        var request = new DefaultRequest(input, op.Service.ServiceId)
        {
            HttpMethod = op.HttpMethod,
            ResourcePath = op.RequestUri,
        };
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Action", op.Name),
            new("Version", op.Service.ApiVersion),
        };
        QueryCodec.WriteStructure(fields, "", input, op.Input);
        request.Content = Encoding.UTF8.GetBytes(QueryCodec.Encode(fields));
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        return request;
    }
}

/// <summary>
/// Query responses: <c>&lt;{Op}Response&gt;&lt;{Op}Result&gt;…&lt;/{Op}Result&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;</c>.
/// Errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>
/// via AWSSDK.Core's <see cref="XmlErrorResponseUnmarshaller"/>, mapped by code (e.g. NoSuchEntity).
/// </summary>
internal sealed class QueryResponseUnmarshaller : XmlResponseUnmarshaller
{
    private readonly OperationMetadata _operation;

    public QueryResponseUnmarshaller(OperationMetadata operation) => _operation = operation;

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
    {
        var response = _operation.ResponseFactory();
        var body = JsonProtocolResponseUnmarshaller.ReadAll(context.Stream);
        string? requestId = null;
        if (!JsonProtocolResponseUnmarshaller.IsBlank(body))
        {
            var root = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
            if (root is not null)
            {
                var result = _operation.ResultWrapper is { } wrapper
                    ? root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper)
                    : root;
                if (result is not null)
                    XmlCodec.ReadStructure(result, _operation.Output, response);
                requestId = root.Elements().FirstOrDefault(e => e.Name.LocalName == "ResponseMetadata")?
                    .Elements().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
            }
        }
        response.ResponseMetadata ??= new ResponseMetadata();
        response.ResponseMetadata.RequestId ??= requestId ?? JsonProtocolResponseUnmarshaller.RequestIdOf(context.ResponseData);
        return response;
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context, Exception innerException, System.Net.HttpStatusCode statusCode)
    {
        var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
        var body = context.GetResponseBodyBytes();
        var envelope = new ErrorEnvelope(
            error.Message,
            innerException,
            error.Type,
            error.Code,
            error.RequestId ?? JsonProtocolResponseUnmarshaller.RequestIdOf(context.ResponseData),
            statusCode);
        return ErrorMapper.Create(_operation.Service, envelope, (shape, exception) =>
        {
            if (JsonProtocolResponseUnmarshaller.IsBlank(body))
                return;
            var errorElement = XDocument.Parse(Encoding.UTF8.GetString(body)).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (errorElement is not null)
                XmlCodec.ReadStructure(errorElement, shape, exception);
        });
    }
}
