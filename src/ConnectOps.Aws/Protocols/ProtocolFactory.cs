using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using ConnectOps.Aws.Runtime;

namespace ConnectOps.Aws.Protocols;

/// <summary>The marshaller and unmarshaller of an operation, chosen by its service's protocol and cached.</summary>
public static class ProtocolFactory
{
    private static readonly ConcurrentDictionary<OperationMetadata, (IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller, ResponseUnmarshaller Unmarshaller)> Cache = new();

    public static IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller(OperationMetadata operation) => Get(operation).Marshaller;

    public static ResponseUnmarshaller Unmarshaller(OperationMetadata operation) => Get(operation).Unmarshaller;

    /// <summary>Builds the HTTP request the operation would send (no endpoint, no signature): for tests and diagnostics.</summary>
    public static IRequest Marshall(OperationMetadata operation, AmazonWebServiceRequest request) => Marshaller(operation).Marshall(request);

    public static InvokeOptions InvokeOptions(OperationMetadata operation) => new()
    {
        RequestMarshaller = Marshaller(operation),
        ResponseUnmarshaller = Unmarshaller(operation),
    };

    private static (IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller, ResponseUnmarshaller Unmarshaller) Get(OperationMetadata operation) =>
        Cache.GetOrAdd(operation, static op => op.Service.Protocol switch
        {
            WireProtocol.RestJson => (new RestJsonMarshaller(op), new JsonProtocolResponseUnmarshaller(op)),
            WireProtocol.Json => (new JsonRpcMarshaller(op), new JsonProtocolResponseUnmarshaller(op)),
            WireProtocol.Query => (new QueryMarshaller(op), new QueryResponseUnmarshaller(op)),
            _ => throw new NotSupportedException($"{op}: protocol {op.Service.Protocol} is not supported."),
        });
}
