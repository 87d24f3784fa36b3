namespace Levity.Silo.Audit;

/// <summary>
/// One answered operator API request, for the audit log. Never holds headers or the request
/// body (the bearer token, and whatever a future endpoint may take in), only what identifies the
/// request; the OCPP call it caused is audited as its own frames.
/// </summary>
public sealed record OperatorRequestRecord(
    string Method,
    string Path,
    string? Query,
    int Status,
    double DurationMs,
    string? RemoteAddress,
    string? ChargePointId,
    string? Action);
