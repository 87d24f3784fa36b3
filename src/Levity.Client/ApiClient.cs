using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levity.Client;

/// <summary>
/// The operator API seen from the CLI: one request, one JSON answer. Every failure becomes either
/// <see cref="ApiUnreachableException"/> (no answer) or <see cref="ApiErrorException"/> (an answer
/// that says no), so each command only deals with success.
/// </summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    public ApiClient(ApiConnection connection, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Relative paths resolve under the base only when it ends with a slash (a proxy may serve the API below a path).
        _baseUrl = connection.BaseUrl.AbsoluteUri.EndsWith('/') ? connection.BaseUrl : new Uri(connection.BaseUrl.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = connection.Timeout;
        if (!string.IsNullOrEmpty(connection.Token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
        }
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>Sends <paramref name="jsonBody"/> (if any) and returns the answer's JSON, null for an empty answer.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? jsonBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, path));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiErrorException(response.StatusCode, Describe(method, path, response.StatusCode, text));
            }

            return Parse(text);
        }
        catch (HttpRequestException e)
        {
            throw new ApiUnreachableException(_baseUrl, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            throw new ApiUnreachableException(_baseUrl, $"no answer within {_http.Timeout.TotalSeconds:0.###} s; see --timeout", e);
        }
    }

    private JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new ApiErrorException(HttpStatusCode.OK, $"the server at {_baseUrl} answered something that is not JSON; is --url the Levity operator API (--api-port)?");
        }
    }

    private static string Describe(HttpMethod method, string path, HttpStatusCode status, string text)
    {
        var code = (int)status;
        string? title = null;
        string? detail = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(text) && JsonNode.Parse(text) is JsonObject problem)
            {
                title = (problem["title"] as JsonValue)?.ToString();
                detail = (problem["detail"] as JsonValue)?.ToString();
            }
        }
        catch (JsonException)
        {
            // Not a ProblemDetails (a proxy's HTML page, say): fall back to the status alone.
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return status switch
            {
                HttpStatusCode.NotFound => $"{method} /{path} answered HTTP 404 with no explanation: --url is not the operator API (--api-port), or the server is a Levity without this endpoint",
                HttpStatusCode.Unauthorized => "the API requires a bearer token (HTTP 401); pass --api-token or set LEVITY_API_TOKEN",
                _ => $"{method} /{path} failed with HTTP {code} {status}",
            };
        }

        var message = string.IsNullOrWhiteSpace(detail) ? $"{title} (HTTP {code})" : $"{title} {detail} (HTTP {code})";
        return status == HttpStatusCode.Unauthorized ? message + "; pass --api-token or set LEVITY_API_TOKEN" : message;
    }

    private static string Reason(HttpRequestException e)
    {
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "unknown host",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.Message,
                };
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => "the connection closed before an answer",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => e.Message,
        };
    }

    public void Dispose() => _http.Dispose();
}
