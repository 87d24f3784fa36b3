using Levity.Ocpp.Messages;
using Orleans.Concurrency;

namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>
/// One charger (keyed by its charge point id): the single writer of its live state and its rows.
/// Every charger-initiated OCPP action is a method taking the typed request and returning the
/// typed response, so incoming grain-call filters see each exchange as one typed call (the plugin
/// hooks). A method returns only after what it stored is committed to disk.
/// </summary>
[Alias("levity.IChargePointGrain")]
public interface IChargePointGrain : IGrainWithStringKey
{
    Task<BootNotificationResponse> BootNotification(BootNotificationRequest request);

    Task<HeartbeatResponse> Heartbeat(HeartbeatRequest request);

    Task<StatusNotificationResponse> StatusNotification(StatusNotificationRequest request);

    Task<AuthorizeResponse> Authorize(AuthorizeRequest request);

    Task<StartTransactionResponse> StartTransaction(StartTransactionRequest request);

    Task<StopTransactionResponse> StopTransaction(StopTransactionRequest request);

    Task<MeterValuesResponse> MeterValues(MeterValuesRequest request);

    Task<DataTransferResponse> DataTransfer(DataTransferRequest request);

    Task<DiagnosticsStatusNotificationResponse> DiagnosticsStatusNotification(DiagnosticsStatusNotificationRequest request);

    Task<FirmwareStatusNotificationResponse> FirmwareStatusNotification(FirmwareStatusNotificationRequest request);

    Task<SecurityEventNotificationResponse> SecurityEventNotification(SecurityEventNotificationRequest request);

    Task<SignCertificateResponse> SignCertificate(SignCertificateRequest request);

    Task<LogStatusNotificationResponse> LogStatusNotification(LogStatusNotificationRequest request);

    Task<SignedFirmwareStatusNotificationResponse> SignedFirmwareStatusNotification(SignedFirmwareStatusNotificationRequest request);

    /// <summary>A WebSocket session for this charger opened; <paramref name="channel"/> sends calls to it.</summary>
    Task Connected(ChargerConnectionInfo connection, IChargerConnection channel);

    /// <summary>
    /// A session closed. Ignored unless <paramref name="generation"/> is the current session's, so
    /// a replaced session's late cleanup never marks the new one disconnected.
    /// </summary>
    Task Disconnected(long generation);

    /// <summary>
    /// A snapshot of the live state (for the operator API, metrics, plugins and tests).
    /// Interleaves: it only reads, and must not wait behind a turn that is itself waiting.
    /// </summary>
    [AlwaysInterleave]
    Task<ChargePointState> GetState();

    /// <summary>
    /// Sends a server-initiated call to the charger and returns its answer. Interleaves, so a
    /// turn never waits on the charger while the charger's own messages queue behind it.
    /// Fails with <see cref="ChargerNotConnectedException"/> or the OCPP call exceptions.
    /// </summary>
    [AlwaysInterleave]
    Task<IOcppResponse> CallCharger(IOcppRequest request);

    /// <summary>The raw-JSON form of <see cref="CallCharger"/>, for the operator API's pass-through.</summary>
    [AlwaysInterleave]
    Task<string> CallChargerRaw(string action, string payloadJson);

    /// <summary>
    /// Closes one of this charger's open transactions in the database without telling the charger
    /// (an operator clearing a stale transaction), as orphans are closed: meterStop is the last
    /// energy reading (meterStart without one), the reason is recorded, and an OrphanClosed anomaly
    /// notes the estimate. False when the transaction is not an open one of this charger.
    /// </summary>
    Task<bool> CloseTransaction(int transactionId, string reason);
}
