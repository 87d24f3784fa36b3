namespace Levity.Client;

/// <summary>No answer from the API: connection refused, unknown host, or --timeout elapsed; exit 3.</summary>
internal sealed class ApiUnreachableException(Uri baseUrl, string reason, Exception? inner = null)
    : Exception($"cannot reach the Levity API at {baseUrl.GetLeftPart(UriPartial.Authority)} ({reason}); is the server running with --api-port?", inner);
