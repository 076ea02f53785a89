using System.Runtime.CompilerServices;

namespace ConnectOps.Aws.Runtime;

/// <summary>
/// Walks every page of one operation: enumerate it (or <see cref="Responses"/>) for the responses,
/// or a generated item property (e.g. <c>Queues</c>) for the items of the result key. Like AWSSDK's
/// paginators, it writes each page token into the request it was given; every enumeration starts
/// again from the token the request carried when the paginator was created.
/// </summary>
public abstract class Paginator<TRequest, TResponse> : IAsyncEnumerable<TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly TRequest _request;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _call;
    private readonly Func<TResponse, string?> _nextToken;
    private readonly Action<TRequest, string?> _setToken;
    private readonly Func<TResponse, bool>? _moreResults;
    private readonly string? _startToken;

    protected Paginator(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TRequest, string?> currentToken,
        Action<TRequest, string?> setToken,
        Func<TResponse, bool>? moreResults)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _call = call;
        _nextToken = nextToken;
        _setToken = setToken;
        _moreResults = moreResults;
        _startToken = currentToken(request);
    }

    /// <summary>Every response, one per page.</summary>
    public IAsyncEnumerable<TResponse> Responses => this;

    public async IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _setToken(_request, _startToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await _call(_request, cancellationToken).ConfigureAwait(false);
            yield return response;
            var token = _nextToken(response);
            var more = _moreResults?.Invoke(response) ?? true;
            if (!more || string.IsNullOrEmpty(token))
                yield break;
            if (!seen.Add(token))
                throw new InvalidOperationException($"The service returned the page token it was sent ({typeof(TRequest).Name}); stopping to avoid an endless loop.");
            _setToken(_request, token);
        }
    }

    /// <summary>The items one result key holds, across every page.</summary>
    protected async IAsyncEnumerable<TItem> Items<TItem>(
        Func<TResponse, IEnumerable<TItem>?> select,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var response in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (select(response) is not { } items)
                continue;
            foreach (var item in items)
                yield return item;
        }
    }
}
