using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Storage;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    public async Task<StartTransactionResponse> StartTransaction(StartTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();

        // A charger that lost our answer sends the same StartTransaction again: same id back.
        foreach (var open in _openTransactions.Values)
        {
            if (open.ConnectorId == request.ConnectorId && open.IdTag == request.IdTag
                && open.MeterStart == request.MeterStart && open.StartTime == request.Timestamp)
            {
                Log.RepeatedStart(logger, _id, open.TransactionId);
                return new StartTransactionResponse(await idTags.AuthorizeAsync(request.IdTag), open.TransactionId);
            }
        }

        // A connector runs one transaction at a time: one still open there was never stopped
        // (the charger lost it), so it is closed before the new one starts.
        await CloseOrphansAsync(request.ConnectorId, "Other", except: null, CancellationToken.None);

        // Recorded whatever the tag's status: the charger has started (or will stop) on its own
        // decision, and energy it delivers must be billable (OCPP 1.6 §4.8).
        var idTagInfo = await idTags.AuthorizeAsync(request.IdTag);
        var id = await store.StartTransactionAsync(_id, new TransactionStart(
            request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp, request.ReservationId));
        _openTransactions[id] = new ActiveTransaction(id, request.ConnectorId, request.IdTag, request.Timestamp, request.MeterStart, null, null);
        stateMetrics.TransactionStarted(_id, request.ConnectorId, time.GetUtcNow());
        Log.Started(logger, _id, id, request.ConnectorId, request.IdTag, request.MeterStart);
        await ReportLoadAsync();
        return new StartTransactionResponse(idTagInfo, id);
    }

    public async Task<StopTransactionResponse> StopTransaction(StopTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        var samples = MeterSamples.From(request.TransactionData);
        var result = await store.StopTransactionAsync(_id, new TransactionStop(
            request.TransactionId, request.MeterStop, request.Timestamp, request.Reason?.ToWireName(), request.IdTag, samples));
        _openTransactions.Remove(request.TransactionId, out var stopped);
        switch (result.Outcome)
        {
            case StopTransactionOutcome.Stopped:
                var connector = stopped?.ConnectorId ?? 0;
                stateMetrics.TransactionStopped(_id, connector, result.EnergyDeliveredWh ?? (request.MeterStop - (stopped?.MeterStart ?? request.MeterStop)), time.GetUtcNow(), HasOpenTransaction(connector));
                Log.Stopped(logger, _id, request.TransactionId, request.MeterStop, result.EnergyDeliveredWh);
                if (result.NegativeEnergy)
                {
                    Log.NegativeEnergy(logger, _id, request.TransactionId, stopped?.MeterStart, request.MeterStop);
                }

                break;
            case StopTransactionOutcome.AlreadyStopped:
                Log.RepeatedStop(logger, _id, request.TransactionId);
                break;
            default:
                Log.UnknownTransaction(logger, _id, "StopTransaction", request.TransactionId);
                break;
        }

        await ReportLoadAsync();
        return new StopTransactionResponse(request.IdTag is null ? null : await idTags.AuthorizeAsync(request.IdTag));
    }

    public async Task<MeterValuesResponse> MeterValues(MeterValuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        var samples = MeterSamples.From(request.MeterValue);
        var result = await store.InsertMeterValuesAsync(_id, request.ConnectorId, request.TransactionId, samples);
        if (result.UnknownTransaction)
        {
            Log.UnknownTransaction(logger, _id, "MeterValues", request.TransactionId ?? 0);
        }

        stateMetrics.Current(_id, request.ConnectorId, MeterSamples.Amperes(samples, "Current.Import"), MeterSamples.Amperes(samples, "Current.Offered"));
        if (request.TransactionId is { } txId && _openTransactions.TryGetValue(txId, out var open)
            && MeterSamples.LastEnergy(samples) is { } energy)
        {
            var registerWh = RegisterWh(open, energy.Wh);
            _openTransactions[txId] = open with { LastEnergyWh = registerWh, LastEnergyAt = energy.At };
            stateMetrics.EnergyReading(_id, open.ConnectorId, registerWh - open.MeterStart, open.LastEnergyWh, registerWh);
        }

        await MeasuredLoadAsync(request.ConnectorId, samples);
        return new MeterValuesResponse();
    }
}
