using Amazon.Runtime;

namespace ConnectOps.Aws.Runtime;

/// <summary>
/// A request was rejected before anything was sent: a member the model marks required is not set
/// (or a URI label is empty). <see cref="MemberPath"/> names it, e.g.
/// <c>CreateRoutingProfileRequest.MediaConcurrencies[0].Channel</c>.
/// </summary>
public sealed class RequestValidationException : AmazonClientException
{
    public RequestValidationException(string operation, string memberPath, string message)
        : base(message)
    {
        Operation = operation;
        MemberPath = memberPath;
    }

    public string Operation { get; }

    public string MemberPath { get; }
}
