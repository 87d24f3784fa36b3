using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Levity.Tests.LoadManagement;

/// <summary>How a simulated charger treats limits.</summary>
internal enum ChargerBehaviour
{
    /// <summary>SmartCharging; draws what its profiles allow.</summary>
    Obey,

    /// <summary>SmartCharging; accepts profiles and draws its car's demand anyway.</summary>
    Ignore,

    /// <summary>SmartCharging advertised; rejects every SetChargingProfile.</summary>
    Reject,

    /// <summary>"Core,FirmwareManagement" only, no adapter for its model.</summary>
    CoreOnly,
}

/// <summary>
/// A charger and its car over a real WebSocket: it answers GetConfiguration and SetChargingProfile
/// by its <see cref="ChargerBehaviour"/>, keeps the profiles it accepted, and draws (per phase)
/// the lower of its car's demand and the limit in force at the simulated time.
/// </summary>
internal sealed class SimulatedCharger : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Lock _lock = new();
    private ClientWebSocket _socket = null!;
    private Channel<JsonArray> _answers = null!;
    private Task _reader = Task.CompletedTask;
    private int _nextId;
    private (DateTimeOffset Start, int TransactionId, List<(int Start, double Limit)> Periods)? _txProfile;
    private double? _defaultLimit;

    public SimulatedCharger(string id, ChargerBehaviour behaviour)
    {
        Id = id;
        Behaviour = behaviour;
    }

    public string Id { get; }

    public ChargerBehaviour Behaviour { get; }

    /// <summary>What the car would draw per phase with no limit (0: full, SuspendedEV).</summary>
    public double CarDemand { get; set; } = 32;

    public int? TransactionId { get; private set; }

    public double EnergyWh { get; private set; }

    public int ProfilesReceived { get; private set; }

    /// <summary>The last value of each configuration key Levity changed.</summary>
    public Dictionary<string, string> Configuration { get; } = [];

    public async Task ConnectAsync(Uri wsBase)
    {
        _socket = new ClientWebSocket();
        _socket.Options.AddSubProtocol("ocpp1.6");
        _answers = Channel.CreateUnbounded<JsonArray>();
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.ConnectAsync(new Uri(wsBase, "/ws/" + Id), timeout.Token);
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>The limit in force for the running transaction at <paramref name="now"/> (null: none received).</summary>
    public double? Limit(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_txProfile is { } p && p.TransactionId == TransactionId)
            {
                var elapsed = (now - p.Start).TotalSeconds;
                return p.Periods.Where(x => x.Start <= elapsed).Select(x => (double?)x.Limit).LastOrDefault() ?? _defaultLimit;
            }

            return _defaultLimit;
        }
    }

    public double? TxLimit()
    {
        lock (_lock)
        {
            return _txProfile is { } p && p.TransactionId == TransactionId ? p.Periods[0].Limit : null;
        }
    }

    public double? DefaultLimit()
    {
        lock (_lock)
        {
            return _defaultLimit;
        }
    }

    /// <summary>The current per phase the car draws now.</summary>
    public double Drawing(DateTimeOffset now)
    {
        if (TransactionId is null)
        {
            return 0;
        }

        return Behaviour == ChargerBehaviour.Obey ? Math.Min(CarDemand, Limit(now) ?? CarDemand) : CarDemand;
    }

    public async Task StartAsync(DateTimeOffset at)
    {
        await CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Preparing" });
        var answer = await CallAsync("StartTransaction", new { connectorId = 1, idTag = "CAR-" + Id, meterStart = (long)EnergyWh, timestamp = Iso(at) });
        TransactionId = answer["transactionId"]!.GetValue<int>();
        await CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Charging" });
    }

    public async Task StopAsync(DateTimeOffset at)
    {
        await CallAsync("StopTransaction", new { transactionId = TransactionId, meterStop = (long)EnergyWh, timestamp = Iso(at) });
        TransactionId = null;
        await CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });
    }

    /// <summary>Charges for <paramref name="step"/> at the current draw, then reports it.</summary>
    public async Task<double> MeterAsync(DateTimeOffset now, TimeSpan step, int phases)
    {
        var amps = Drawing(now);
        EnergyWh += amps * 230 * phases * step.TotalHours;
        if (TransactionId is { } tx)
        {
            await CallAsync("MeterValues", new
            {
                connectorId = 1,
                transactionId = tx,
                meterValue = new[]
                {
                    new
                    {
                        timestamp = Iso(now),
                        sampledValue = new object[]
                        {
                            new { value = EnergyWh.ToString("0", CultureInfo.InvariantCulture), measurand = "Energy.Active.Import.Register", unit = "Wh" },
                            new { value = amps.ToString("0.0", CultureInfo.InvariantCulture), measurand = "Current.Import", unit = "A" },
                        },
                    },
                },
            });
        }

        return amps;
    }

    public async Task<JsonObject> CallAsync(string action, object payload)
    {
        var id = "s" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new object[] { 2, id, action, payload }));
        using var timeout = new CancellationTokenSource(Timeout);
        var answer = await _answers.Reader.ReadAsync(timeout.Token);
        Assert.True(answer[0]!.GetValue<int>() == 3 && answer[1]!.GetValue<string>() == id, $"{Id} {action} answered {answer.ToJsonString()}");
        return answer[2]!.AsObject();
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private async Task SendAsync(string frame)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private JsonObject Answer(string action, JsonObject payload)
    {
        switch (action)
        {
            case "GetConfiguration":
                var profiles = Behaviour == ChargerBehaviour.CoreOnly ? "Core,FirmwareManagement" : "Core,FirmwareManagement,SmartCharging";
                return new JsonObject
                {
                    ["configurationKey"] = new JsonArray(
                        new JsonObject { ["key"] = "SupportedFeatureProfiles", ["readonly"] = true, ["value"] = profiles },
                        new JsonObject { ["key"] = "ChargeProfileMaxStackLevel", ["readonly"] = true, ["value"] = "3" }),
                };
            case "SetChargingProfile":
                ProfilesReceived++;
                if (Behaviour is ChargerBehaviour.Reject or ChargerBehaviour.CoreOnly)
                {
                    return new JsonObject { ["status"] = "Rejected" };
                }

                var profile = payload["csChargingProfiles"]!;
                var schedule = profile["chargingSchedule"]!;
                var periods = schedule["chargingSchedulePeriod"]!.AsArray()
                    .Select(p => (p!["startPeriod"]!.GetValue<int>(), p["limit"]!.GetValue<double>())).ToList();
                lock (_lock)
                {
                    if (profile["chargingProfilePurpose"]!.GetValue<string>() == "TxDefaultProfile")
                    {
                        _defaultLimit = periods[0].Item2;
                    }
                    else
                    {
                        _txProfile = (schedule["startSchedule"]!.GetValue<DateTimeOffset>(), profile["transactionId"]!.GetValue<int>(), periods);
                    }
                }

                return new JsonObject { ["status"] = "Accepted" };
            case "ChangeConfiguration":
                lock (_lock)
                {
                    Configuration[payload["key"]!.GetValue<string>()] = payload["value"]!.GetValue<string>();
                }

                return new JsonObject { ["status"] = "Accepted" };
            default:
                return new JsonObject { ["status"] = "Rejected" };
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var frame = JsonNode.Parse(buffer.AsSpan(0, length))!.AsArray();
                if (frame[0]!.GetValue<int>() == 2)
                {
                    var answer = Answer(frame[2]!.GetValue<string>(), frame[3]!.AsObject());
                    await SendAsync(new JsonArray(3, frame[1]!.GetValue<string>(), answer).ToJsonString());
                }
                else
                {
                    _answers.Writer.TryWrite(frame);
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _answers.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection as a server restart does, keeping the car's transaction.</summary>
    public async Task DisconnectAsync()
    {
        _socket.Abort();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _send.Dispose();
    }
}
