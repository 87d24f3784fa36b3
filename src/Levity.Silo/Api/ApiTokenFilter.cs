using System.Security.Cryptography;
using System.Text;

namespace Levity.Silo.Api;

/// <summary>
/// When a token is configured, requires
/// <c>Authorization: Bearer &lt;token&gt;</c>, compared in constant time: both sides are hashed to
/// SHA-256 first, so neither the content nor the length of the token shows in the time a refusal
/// takes (FixedTimeEquals alone returns at once for inputs of different length); refusals are logged as
/// warnings. <see cref="OperatorRequestLog"/> logs every request with its answer.
/// </summary>
internal sealed partial class ApiTokenFilter(string? token, ILogger logger) : IEndpointFilter
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var path = http.Request.Path.Value ?? "/";
        if (_expected is not null && !Authorized(http.Request.Headers.Authorization.ToString()))
        {
            Log.Refused(logger, http.Request.Method, path, remote);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid bearer token is required.");
        }

        return await next(context);
    }

    private bool Authorized(string header)
    {
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Operator API refused {Method} {Path} from {RemoteAddress}: missing or wrong token")]
        public static partial void Refused(ILogger logger, string method, string path, string? remoteAddress);
    }
}
