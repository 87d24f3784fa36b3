using System.Net;

namespace Levity.Client;

/// <summary>The API answered, but with an error status (or something that is not its JSON); exit 1.</summary>
internal sealed class ApiErrorException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
