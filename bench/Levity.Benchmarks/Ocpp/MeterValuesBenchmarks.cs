using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Benchmarks.Ocpp;

/// <summary>
/// The per-message hot path for the most frequent frame: a periodic MeterValues with four
/// samples (energy, power, current, voltage), parsed, validated against the official schema,
/// deserialized to the typed request, and answered with a CALLRESULT.
/// <c>dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*MeterValues*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class MeterValuesBenchmarks
{
    private const string Frame = """[2,"1053","MeterValues",{"connectorId":1,"transactionId":4711,"meterValue":[{"timestamp":"2026-11-21T11:41:37.907Z","sampledValue":[{"value":"123456.7","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"7360","context":"Sample.Periodic","measurand":"Power.Active.Import","location":"Outlet","unit":"W"},{"value":"32.0","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","location":"Outlet","unit":"A"},{"value":"230.1","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","location":"Outlet","unit":"V"}]}]}]""";

    private static readonly MeterValuesResponse Response = new();

    private readonly byte[] _frame = Encoding.UTF8.GetBytes(Frame);
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private OcppSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new OcppSession("bench", new OcppProtocolOptions(), (_, _) => ValueTask.CompletedTask, TimeProvider.System,
            new OcppToleranceTracker(), NullLogger<OcppSession>.Instance);
        if (ParseValidateDeserialize() is not MeterValuesRequest { MeterValue: [{ SampledValue.Count: 4 }] })
        {
            throw new InvalidOperationException("The benchmark frame does not read.");
        }
    }

    /// <summary>Frame parse + schema validation + typed deserialization.</summary>
    [Benchmark]
    public IOcppRequest? ParseValidateDeserialize()
    {
        var call = (OcppCall)OcppFrameParser.Parse(_frame).Frame!;
        return OcppPayloadReader.ReadRequest(call, OcppRole.CentralSystem, OcppValidationMode.Tolerant).Value;
    }

    /// <summary>Writing the CALLRESULT <c>[3,"1053",{}]</c>.</summary>
    [Benchmark]
    public int SerializeResponse()
    {
        _output.ResetWrittenCount();
        OcppFrameWriter.WriteCallResult(_output, "1053", Response, OcppJsonContext.Default.MeterValuesResponse);
        return _output.WrittenCount;
    }

    /// <summary>The whole round as the gateway will run it: session receive, then the answer.</summary>
    [Benchmark]
    public int ReceiveAndAnswer()
    {
        var inbound = _session.Receive(_frame);
        _output.ResetWrittenCount();
        OcppFrameWriter.WriteCallResult(_output, inbound.MessageId!, Response, OcppJsonContext.Default.MeterValuesResponse);
        return _output.WrittenCount;
    }
}
