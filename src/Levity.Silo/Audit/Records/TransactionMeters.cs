namespace Levity.Silo.Audit.Records;

/// <summary>
/// The meterStart of recent transactions, learnt from StartTransaction and its answer, so the
/// StopTransaction record can carry the energy delivered. Bounded (the oldest are forgotten);
/// used by the audit sender only, so not synchronized.
/// </summary>
internal sealed class TransactionMeters(int capacity = 1024)
{
    private readonly Dictionary<(string ChargePointId, long TransactionId), double> _meterStarts = [];
    private readonly (string ChargePointId, long TransactionId)[] _order = new (string, long)[capacity];
    private int _next;

    public int Count => _meterStarts.Count;

    public void Started(string chargePointId, long transactionId, double meterStart)
    {
        var key = (chargePointId, transactionId);
        if (_meterStarts.TryAdd(key, meterStart))
        {
            if (_order[_next].ChargePointId is not null)
            {
                _meterStarts.Remove(_order[_next]);
            }

            _order[_next] = key;
            _next = (_next + 1) % _order.Length;
        }
        else
        {
            _meterStarts[key] = meterStart;
        }
    }

    public bool TryGetMeterStart(string chargePointId, long transactionId, out double meterStart) =>
        _meterStarts.TryGetValue((chargePointId, transactionId), out meterStart);
}
