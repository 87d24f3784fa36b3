using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;

namespace Levity.Tests.Ocpp.Validation;

/// <summary>
/// Each tolerance: accepted and reported in tolerant mode (with the value read the way it was
/// meant), refused with the spec's code in strict mode.
/// </summary>
public sealed class ToleranceTests
{
    private const string Meter = """{"value":"12.5","measurand":"Energy.Active.Import.Register","unit":"Wh"}""";

    public static TheoryData<string, string, OcppTolerance, OcppErrorCode> Deviations => new()
    {
        { "BootNotification", """{"chargePointVendor":"V","chargePointModel":"M","extra":{"nested":[1,2]}}""", OcppTolerance.UnknownProperty, OcppErrorCode.FormationViolation },
        { "Heartbeat", """{"foo":1}""", OcppTolerance.UnknownProperty, OcppErrorCode.FormationViolation },
        { "StartTransaction", """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2024-05-01T12:00:00"}""", OcppTolerance.TimestampWithoutOffset, OcppErrorCode.PropertyConstraintViolation },
        { "StartTransaction", """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2024-05-01T12:00:00Z","reservationId":"7"}""", OcppTolerance.NumberAsString, OcppErrorCode.TypeConstraintViolation },
        { "StatusNotification", """{"connectorId":1,"errorCode":"noerror","status":"charging"}""", OcppTolerance.EnumCase, OcppErrorCode.PropertyConstraintViolation },
        { "BootNotification", """{"chargePointVendor":"Schneider Electric","chargePointModel":"EVlink Smart Wallbox","chargePointSerialNumber":"3N123456789F2S1B1234567890"}""", OcppTolerance.OverlongString, OcppErrorCode.PropertyConstraintViolation },
        { "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available","info":null}""", OcppTolerance.NullValue, OcppErrorCode.TypeConstraintViolation },
        { "MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2021-11-22T20:38:32.000Z","sampledValue":[{"value":604.213,"measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""", OcppTolerance.BareNumberValue, OcppErrorCode.TypeConstraintViolation },
        { "MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[]}]}""", OcppTolerance.EmptyArray, OcppErrorCode.OccurenceConstraintViolation },
        { "GetCompositeScheduleResponse", """{"status":"Accepted","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":7.25}]}}""", OcppTolerance.NumberPrecision, OcppErrorCode.PropertyConstraintViolation },
    };

    [Theory]
    [MemberData(nameof(Deviations))]
    public void Read_HarmlessDeviation_ToleratedAndReported(string schemaName, string payload, OcppTolerance tolerance, OcppErrorCode strictCode)
    {
        _ = strictCode;
        var result = Read(schemaName, payload, OcppValidationMode.Tolerant);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(tolerance, result.Tolerances);
    }

    [Theory]
    [MemberData(nameof(Deviations))]
    public void Read_HarmlessDeviationInStrictMode_RefusedWithSpecCode(string schemaName, string payload, OcppTolerance tolerance, OcppErrorCode strictCode)
    {
        _ = tolerance;
        var result = Read(schemaName, payload, OcppValidationMode.Strict);

        Assert.False(result.IsSuccess);
        Assert.Equal(strictCode, result.Error.Code);
    }

    [Fact]
    public void Read_TimestampWithoutOffset_TakenAsUtc()
    {
        var request = (StartTransactionRequest)Read("StartTransaction",
            """{"connectorId":1,"idTag":"T","meterStart":0,"timestamp":"2024-05-01T12:00:00"}""", OcppValidationMode.Tolerant).Value!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), request.Timestamp);
        Assert.Equal(TimeSpan.Zero, request.Timestamp.Offset);
    }

    [Fact]
    public void Read_EnumInWrongCase_ReadAsCanonicalValue()
    {
        var request = (StatusNotificationRequest)Read("StatusNotification",
            """{"connectorId":1,"errorCode":"noerror","status":"SUSPENDEDevse"}""", OcppValidationMode.Tolerant).Value!;

        Assert.Equal(ChargePointErrorCode.NoError, request.ErrorCode);
        Assert.Equal(ChargePointStatus.SuspendedEVSE, request.Status);
    }

    [Fact]
    public void Read_NumberAsString_ReadAsNumber()
    {
        var response = (BootNotificationResponse)Read("BootNotificationResponse",
            """{"status":"Accepted","currentTime":"2024-05-01T12:00:00Z","interval":"300"}""", OcppValidationMode.Tolerant).Value!;

        Assert.Equal(300, response.Interval);
    }

    [Fact]
    public void Read_BareNumberReading_KeepsItsExactText()
    {
        var request = (MeterValuesRequest)Read("MeterValues",
            """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":604.2130}]}]}""", OcppValidationMode.Tolerant).Value!;

        Assert.Equal("604.2130", request.MeterValue[0].SampledValue[0].Value);
    }

    [Fact]
    public void Read_NullOptionalProperty_ReadAsAbsent()
    {
        var request = (MeterValuesRequest)Read("MeterValues",
            $$"""{"connectorId":1,"transactionId":null,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{{Meter}}]}]}""", OcppValidationMode.Tolerant).Value!;

        Assert.Null(request.TransactionId);
    }

    [Theory]
    [InlineData("Celcius")]
    [InlineData("celcius")]
    public void Read_CelciusAsInTheSpec_ReadAsCelsiusInBothModes(string unit)
    {
        var payload = $$"""{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"21.5","measurand":"Temperature","unit":"{{unit}}"}]}]}""";

        var tolerant = Read("MeterValues", payload, OcppValidationMode.Tolerant);
        var strict = Read("MeterValues", payload, OcppValidationMode.Strict);

        Assert.Equal(UnitOfMeasure.Celsius, ((MeterValuesRequest)tolerant.Value!).MeterValue[0].SampledValue[0].Unit);
        Assert.True(tolerant.Tolerances.HasFlag(OcppTolerance.KnownMisspelling));
        Assert.Equal(unit == "Celcius", strict.IsSuccess);
    }

    [Fact]
    public void Read_SeveralDeviations_ReportsAllOfThem()
    {
        var result = Read("StatusNotification",
            """{"connectorId":1,"errorCode":"noError","status":"Available","timestamp":"2024-05-01T12:00:00","vendorErrorCode":"a very long vendor error code beyond fifty characters!","firmware":"x"}""",
            OcppValidationMode.Tolerant);

        Assert.Equal(OcppTolerance.EnumCase | OcppTolerance.TimestampWithoutOffset | OcppTolerance.OverlongString | OcppTolerance.UnknownProperty, result.Tolerances);
    }

    private static OcppReadResult<object> Read(string schemaName, string payload, OcppValidationMode mode)
    {
        var isResponse = schemaName.EndsWith("Response", StringComparison.Ordinal);
        var action = OcppActions.Get(Enum.Parse<OcppAction>(isResponse ? schemaName[..^8] : schemaName));
        return isResponse
            ? OcppPayloadReader.Read<object>(action.ResponseSchema, action.ResponseTypeInfo, Encoding.UTF8.GetBytes(payload), mode)
            : OcppPayloadReader.Read<object>(action.RequestSchema, action.RequestTypeInfo, Encoding.UTF8.GetBytes(payload), mode);
    }
}
