using System.Globalization;
using System.Text.Json;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Storage;
using Microsoft.Extensions.Logging;

namespace Levity.Grains.ChargePoints;

/// <summary>
/// What operators (and plugins) asked of the charger and what it answered: reservations and
/// charging profiles are recorded here, after the answer, because every server-initiated call
/// passes through <see cref="CallCharger"/> or <see cref="CallChargerRaw"/>. Those calls
/// interleave with the charger's own messages, so nothing here touches the grain's fields: each
/// outcome is one store write, and the store's single writer orders them against the
/// StartTransaction that may use a reservation (either order ends the same, see
/// RecordReservationOperation). A failed record is logged and never fails the call: the charger
/// has already acted on it.
/// </summary>
public sealed partial class ChargePointGrain
{
    private async Task<IOcppResponse> CallAndRecord(IOcppRequest request)
    {
        var channel = _channel ?? throw NotConnected();
        var action = request.Action;
        if (!IsRecorded(action))
        {
            return await channel.Call(request);
        }

        var sentAt = time.GetUtcNow();
        var payload = JsonSerializer.Serialize(request, request.GetType(), OcppJsonContext.Default);
        IOcppResponse response;
        try
        {
            response = await channel.Call(request);
        }
        catch (Exception e) when (e is OcppCallTimeoutException or OcppConnectionClosedException)
        {
            await RecordOutcomeAsync(action, payload, null, sentAt);
            throw;
        }

        await RecordOutcomeAsync(action, payload, JsonSerializer.Serialize(response, response.GetType(), OcppJsonContext.Default), sentAt);
        return response;
    }

    private async Task<string> CallRawAndRecord(string actionName, string payloadJson)
    {
        var channel = _channel ?? throw NotConnected();
        if (!OcppActions.TryGet(actionName, out var info) || !IsRecorded(info.Action))
        {
            return await channel.CallRaw(actionName, payloadJson);
        }

        var sentAt = time.GetUtcNow();
        string response;
        try
        {
            response = await channel.CallRaw(actionName, payloadJson);
        }
        catch (Exception e) when (e is OcppCallTimeoutException or OcppConnectionClosedException)
        {
            await RecordOutcomeAsync(info.Action, payloadJson, null, sentAt);
            throw;
        }

        await RecordOutcomeAsync(info.Action, payloadJson, response, sentAt);
        return response;
    }

    private static bool IsRecorded(OcppAction action) => action is OcppAction.ReserveNow or OcppAction.CancelReservation
        or OcppAction.SetChargingProfile or OcppAction.ClearChargingProfile or OcppAction.RemoteStartTransaction;

    /// <summary>Records one call's outcome; <paramref name="answerJson"/> is null when no answer came (timeout, connection lost).</summary>
    private async Task RecordOutcomeAsync(OcppAction action, string requestJson, string? answerJson, DateTimeOffset sentAt)
    {
        try
        {
            using var requestDoc = JsonDocument.Parse(requestJson);
            using var answerDoc = answerJson is null ? null : JsonDocument.Parse(answerJson);
            var request = requestDoc.RootElement;
            var answer = answerDoc is null ? (string?)null : answerDoc.RootElement.GetProperty("status").GetString();
            var accepted = answer == "Accepted";
            switch (action)
            {
                case OcppAction.ReserveNow:
                    await store.RecordReservationAsync(_id, new ReservationRequest(
                        request.GetProperty("reservationId").GetInt32(),
                        request.GetProperty("connectorId").GetInt32(),
                        request.GetProperty("idTag").GetString()!,
                        OptionalString(request, "parentIdTag"),
                        ParseTime(request.GetProperty("expiryDate")),
                        answer,
                        sentAt));
                    break;
                case OcppAction.CancelReservation when accepted:
                    await store.CancelReservationAsync(_id, request.GetProperty("reservationId").GetInt32());
                    break;
                case OcppAction.SetChargingProfile:
                    await store.RecordChargingProfileAsync(_id, Profile(
                        request.GetProperty("csChargingProfiles"), request.GetProperty("connectorId").GetInt32(), "SetChargingProfile", answer, sentAt));
                    break;
                case OcppAction.RemoteStartTransaction when request.TryGetProperty("chargingProfile", out var profile):
                    await store.RecordChargingProfileAsync(_id, Profile(
                        profile, OptionalInt(request, "connectorId"), "RemoteStartTransaction", answer, sentAt));
                    break;
                case OcppAction.ClearChargingProfile when accepted:
                    await store.ClearChargingProfilesAsync(_id, new ChargingProfileClear(
                        OptionalInt(request, "id"),
                        OptionalInt(request, "connectorId"),
                        OptionalString(request, "chargingProfilePurpose"),
                        OptionalInt(request, "stackLevel"),
                        time.GetUtcNow()));
                    break;
                default:
                    break;
            }
        }
        catch (Exception e) when (e is StoreWriteException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            Log.CallNotRecorded(logger, e, _id, action.ToString());
        }
    }

    private static ChargingProfileSent Profile(JsonElement profile, int? connectorId, string source, string? answer, DateTimeOffset at) =>
        new(
            connectorId,
            profile.GetProperty("chargingProfileId").GetInt32(),
            profile.GetProperty("stackLevel").GetInt32(),
            profile.GetProperty("chargingProfilePurpose").GetString()!,
            profile.GetProperty("chargingProfileKind").GetString()!,
            profile.GetRawText(),
            source,
            answer,
            answer == "Accepted",
            at);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static DateTimeOffset ParseTime(JsonElement value) =>
        value.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>StartTransaction named a reservation: it is used (the transaction itself carries the id too, so a failure here loses nothing).</summary>
    private async Task LoadMaintenanceStatusAsync(CancellationToken cancellationToken)
    {
        if (await records.GetMaintenanceStatusAsync(_id, cancellationToken) is { } status)
        {
            _firmwareStatus = status.FirmwareStatus;
            _firmwareStatusAt = status.FirmwareStatusAt;
            _diagnosticsStatus = status.DiagnosticsStatus;
            _diagnosticsStatusAt = status.DiagnosticsStatusAt;
        }
    }

    private async Task<string> RecordMaintenanceStatusAsync(MaintenanceStatusKind kind, string status, DateTimeOffset at)
    {
        await store.RecordMaintenanceStatusAsync(_id, kind, status, at);
        return status;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 330, Level = LogLevel.Error, Message = "Charger {ChargePointId}: the outcome of {Action} could not be recorded")]
        public static partial void CallNotRecorded(ILogger logger, Exception exception, string chargePointId, string action);
    }
}
