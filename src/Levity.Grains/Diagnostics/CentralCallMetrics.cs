using System.Diagnostics.Metrics;
using System.Text.Json;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Messages;

namespace Levity.Grains.Diagnostics;

/// <summary>
/// Outcomes of server-initiated calls, under the Python Levity's metric names:
/// ocpp_central_call_rejected_total{cp_id,action,status} for answers whose status is not a
/// success, ocpp_central_call_errors_total{cp_id,action,error_type} for CALLERRORs (the error
/// code), timeouts (timeout — the Python version's value, which its alert rule matches), closed
/// connections (connection_closed) and offline chargers (not_connected).
/// </summary>
public sealed class CentralCallMetrics
{
    public const string MeterName = "Levity.CentralCalls";

    private static readonly HashSet<string> Successes = new(StringComparer.Ordinal) { "Accepted", "Unlocked", "RebootRequired", "Scheduled" };

    private readonly Counter<long> _rejected;
    private readonly Counter<long> _errors;

    public CentralCallMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _rejected = meter.CreateCounter<long>("ocpp_central_call_rejected_total", description: "Server-initiated calls answered with a non-success status");
        _errors = meter.CreateCounter<long>("ocpp_central_call_errors_total", description: "Server-initiated calls that failed (CALLERROR, timeout, not connected)");
    }

    public void Answered(string chargePointId, IOcppResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var info = OcppActions.Get(response.Action);
        Answered(chargePointId, info.Name, JsonSerializer.SerializeToUtf8Bytes(response, info.ResponseTypeInfo));
    }

    public void Answered(string chargePointId, string action, ReadOnlySpan<byte> responseJson)
    {
        if (StatusOf(responseJson) is { } status && !Successes.Contains(status))
        {
            _rejected.Add(1, Tag("cp_id", chargePointId), Tag("action", action), Tag("status", status));
        }
    }

    public void Failed(string chargePointId, string action, Exception error) =>
        _errors.Add(1, Tag("cp_id", chargePointId), Tag("action", action), Tag("error_type", ErrorType(error)));

    public static string ErrorType(Exception error) => error switch
    {
        OcppCallErrorException e => e.ErrorCodeText,
        OcppCallTimeoutException => "timeout",
        OcppConnectionClosedException => "connection_closed",
        ChargerNotConnectedException => "not_connected",
        OcppCallQueueFullException => "queue_full",
        OcppInvalidPayloadException => "invalid_payload",
        _ => error.GetType().Name,
    };

    private static string? StatusOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStatus = reader.ValueTextEquals("status"u8);
            reader.Read();
            if (isStatus && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
