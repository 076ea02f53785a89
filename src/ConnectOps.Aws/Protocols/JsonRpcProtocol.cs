using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>
/// json-1.1 requests (CloudWatch Logs, Secrets Manager): <c>POST /</c> with
/// <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, <c>Content-Type: application/x-amz-json-1.1</c>
/// and every member in the JSON body. Responses use <see cref="JsonProtocolResponseUnmarshaller"/>.
/// </summary>
internal sealed class JsonRpcMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private readonly OperationMetadata _operation;

    public JsonRpcMarshaller(OperationMetadata operation) => _operation = operation;

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var op = _operation;
        RequestPreparation.Prepare(input, op);
        var request = new DefaultRequest(input, op.Service.ServiceId)
        {
            HttpMethod = op.HttpMethod,
            ResourcePath = op.RequestUri,
        };
        request.Headers["X-Amz-Target"] = op.Service.TargetPrefix + "." + op.Name;
        request.Headers["Content-Type"] = "application/x-amz-json-" + (op.Service.JsonVersion ?? "1.0");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            JsonCodec.WriteStructure(writer, input, op.Input);
        request.Content = buffer.ToArray();
        return request;
    }
}
