using System.Text;
using System.Text.Json;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;

namespace Levity.Tests.Ocpp.Serialization;

/// <summary>
/// The MeterValues contracts have hand-written converters (the hot path); they must be exactly
/// as lenient as the generated ones where tolerant mode lets deviations through.
/// </summary>
public sealed class MeterValuesConverterTests
{
    [Fact]
    public void ReadRequest_TolerantDeviationsInMeterValues_ReadAsMeant()
    {
        const string Payload = """
            {"connectorId":2,"transactionId":null,"vendor":{"x":[1]},
             "meterValue":[{"timestamp":"2026-11-21T11:41:37","sampledValue":[
               {"v\u0061lue":"1.5","measurand":"energy.active.import.register","unit":"kwh","phase":"l1-n","extra":true},
               {"value":7360,"context":"sample.periodic","location":"outlet","format":"raw"},
               {"value":"21","unit":"Celcius","measurand":null}]}]}
            """;

        var result = OcppPayloadReader.ReadRequest(OcppActions.Get(OcppAction.MeterValues), Encoding.UTF8.GetBytes(Payload), OcppValidationMode.Tolerant);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var request = Assert.IsType<MeterValuesRequest>(result.Value);
        Assert.Equal(2, request.ConnectorId);
        Assert.Null(request.TransactionId);
        var meterValue = Assert.Single(request.MeterValue);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 11, 41, 37, TimeSpan.Zero), meterValue.Timestamp);
        Assert.Equal(new SampledValue("1.5", Measurand: Measurand.EnergyActiveImportRegister, Phase: Phase.L1N, Unit: UnitOfMeasure.KWh), meterValue.SampledValue[0]);
        Assert.Equal(new SampledValue("7360", ReadingContext.SamplePeriodic, ValueFormat.Raw, Location: Location.Outlet), meterValue.SampledValue[1]);
        Assert.Equal(new SampledValue("21", Unit: UnitOfMeasure.Celsius), meterValue.SampledValue[2]);
    }

    [Fact]
    public void Serialize_MeterValuesRequest_WritesSpecNamesAndOmitsAbsentFields()
    {
        var request = new MeterValuesRequest(1, [new MeterValue(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(1)),
            [new SampledValue("230.1", Measurand: Measurand.Voltage, Phase: Phase.L1N, Unit: UnitOfMeasure.V)])], TransactionId: 4711);

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.MeterValuesRequest);

        Assert.Equal("""{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T11:00:00.000Z","sampledValue":[{"value":"230.1","measurand":"Voltage","phase":"L1-N","unit":"V"}]}],"transactionId":4711}""", json);
    }

    [Theory]
    [InlineData("""{"meterValue":[]}""")]
    [InlineData("""{"connectorId":1}""")]
    [InlineData("""{"connectorId":1,"meterValue":[{"sampledValue":[]}]}""")]
    [InlineData("""{"connectorId":1,"meterValue":[{"timestamp":"2026-11-21T11:41:37Z","sampledValue":[{"unit":"Wh"}]}]}""")]
    [InlineData("""{"connectorId":"x","meterValue":[]}""")]
    public void Deserialize_RequiredFieldMissingOrWrong_ThrowsJsonException(string payload)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(payload, OcppJsonContext.Default.MeterValuesRequest));
    }
}
