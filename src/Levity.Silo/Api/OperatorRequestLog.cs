using Levity.Silo.Audit;
using Levity.Silo.Hosting;

namespace Levity.Silo.Api;

/// <summary>
/// Logs every request that reaches the operator API's port once it is answered (method, path,
/// status, remote address, duration), refused and unknown paths included, and hands the same to
/// the audit sink (the <c>.api</c> Fluentd tag when the audit is on). Headers and bodies are left
/// out: the bearer token must never reach a log.
/// </summary>
internal sealed partial class OperatorRequestLog(DedicatedListener listener, IAuditSink audit, TimeProvider time, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!listener.Accepts(context.Connection.LocalPort))
        {
            await next(context);
            return;
        }

        var started = time.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            // An exception leaves the answer to the server, which sends 500 when it can.
            var elapsed = time.GetElapsedTime(started);
            var request = context.Request;
            var remote = context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : null;
            var path = request.Path.Value ?? "/";
            Log.Answered(logger, request.Method, path, status, remote, elapsed.TotalMilliseconds);
            audit.OperatorRequest(new OperatorRequestRecord(
                request.Method,
                path,
                request.QueryString.HasValue ? request.QueryString.Value : null,
                status,
                elapsed.TotalMilliseconds,
                remote,
                context.GetRouteValue("id") as string ?? (request.Query.TryGetValue("chargePointId", out var cp) ? cp.ToString() : null),
                context.GetRouteValue("action") as string));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "Operator API {Method} {Path} answered {Status} to {RemoteAddress} in {DurationMs:0.0} ms")]
        public static partial void Answered(ILogger logger, string method, string path, int status, string? remoteAddress, double durationMs);
    }
}
