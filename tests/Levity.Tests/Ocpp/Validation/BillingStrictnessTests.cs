using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Validation;

namespace Levity.Tests.Ocpp.Validation;

/// <summary>
/// What billing depends on is never tolerated, and every refusal names the field, in the
/// tolerant mode too.
/// </summary>
public sealed class BillingStrictnessTests
{
    public static TheoryData<OcppAction, string, OcppErrorCode, string> Refusals => new()
    {
        { OcppAction.MeterValues, """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"1.0"},{"value":"abc"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[1].value: expected a number" },
        { OcppAction.MeterValues, """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"12,5"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[0].value: expected a number" },
        { OcppAction.MeterValues, """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":" 12"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[0].value: expected a number" },
        { OcppAction.MeterValues, """{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"NaN"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[0].value: expected a number" },
        { OcppAction.MeterValues, """{"connectorId":"1","meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"1"}]}]}""", OcppErrorCode.TypeConstraintViolation, "connectorId: expected an integer, got the string \"1\"" },
        { OcppAction.MeterValues, """{"connectorId":1,"transactionId":"42","meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"1"}]}]}""", OcppErrorCode.TypeConstraintViolation, "transactionId: expected an integer, got the string \"42\"" },
        { OcppAction.MeterValues, """{"connectorId":1,"transactionId":9223372036854775807,"meterValue":[{"timestamp":"2020-09-19T15:14:23Z","sampledValue":[{"value":"15.630"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "transactionId: 9223372036854775807 is outside the 32-bit integer range" },
        { OcppAction.StartTransaction, """{"connectorId":1,"idTag":"T","meterStart":"1000","timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "meterStart: expected an integer, got the string \"1000\"" },
        { OcppAction.StartTransaction, """{"connectorId":1,"idTag":"T","meterStart":1000.5,"timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "meterStart: expected an integer, got the number 1000.5" },
        { OcppAction.StartTransaction, """{"connectorId":1,"idTag":"ABCDEFGHIJKLMNOPQRSTU","meterStart":0,"timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.PropertyConstraintViolation, "idTag: 21 characters, at most 20 allowed" },
        { OcppAction.StartTransaction, """{"connectorId":1,"idTag":12345,"meterStart":0,"timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "idTag: expected a string, got the number 12345" },
        { OcppAction.StartTransaction, """{"connectorId":1,"idTag":"T","timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.OccurenceConstraintViolation, "meterStart: required property is missing" },
        { OcppAction.StopTransaction, """{"transactionId":5,"meterStop":"x","timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.TypeConstraintViolation, "meterStop: expected an integer, got the string \"x\"" },
        { OcppAction.StopTransaction, """{"transactionId":5,"meterStop":10,"meterStop":20,"timestamp":"2024-05-01T12:00:00Z"}""", OcppErrorCode.FormationViolation, "meterStop: property appears more than once" },
        { OcppAction.StopTransaction, """{"transactionId":5,"meterStop":10,"timestamp":"yesterday"}""", OcppErrorCode.PropertyConstraintViolation, "timestamp: \"yesterday\" is not an ISO 8601 date-time" },
        { OcppAction.MeterValues, """{"connectorId":1,"meterValue":[{"timestamp":"2020-09-19T15:14:23Z","sampledValue":[{"value":"16.000","context":"CurrentMax","unit":"A"}]}]}""", OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[0].context: \"CurrentMax\" is not one of: Interruption.Begin" },
        { OcppAction.Authorize, """{"idTag":"T","idTag":"U"}""", OcppErrorCode.FormationViolation, "idTag: property appears more than once" },
        { OcppAction.Authorize, """[]""", OcppErrorCode.FormationViolation, "payload: expected a JSON object, got an array" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_BillingFieldWrong_RefusedEvenWhenTolerant(OcppAction action, string payload, OcppErrorCode code, string descriptionStart)
    {
        var error = OcppActions.Get(action).RequestSchema.Validate(Encoding.UTF8.GetBytes(payload), OcppValidationMode.Tolerant, out _);

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(descriptionStart, error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-12.5")]
    [InlineData("0012345.678")]
    [InlineData("1.5E3")]
    public void Validate_NumericReading_Accepted(string reading)
    {
        var payload = $$"""{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{"value":"{{reading}}"}]}]}""";

        var error = OcppActions.Get(OcppAction.MeterValues).RequestSchema.Validate(Encoding.UTF8.GetBytes(payload), OcppValidationMode.Strict, out _);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("""{"value":"AQID/w==","format":"SignedData"}""")]
    [InlineData("""{"format":"SignedData","value":"not a number at all"}""")]
    public void Validate_SignedDataReading_NeedNotBeNumeric(string sampledValue)
    {
        var payload = $$"""{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T12:00:00Z","sampledValue":[{{sampledValue}}]}]}""";

        var error = OcppActions.Get(OcppAction.MeterValues).RequestSchema.Validate(Encoding.UTF8.GetBytes(payload), OcppValidationMode.Strict, out _);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_MaxLengthCountsCharactersNotBytes()
    {
        var twentyUmlauts = new string('ü', 20);
        var payload = $$"""{"idTag":"{{twentyUmlauts}}"}""";

        var error = OcppActions.Get(OcppAction.Authorize).RequestSchema.Validate(Encoding.UTF8.GetBytes(payload), OcppValidationMode.Strict, out _);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_EscapedStrings_UnescapedBeforeChecking()
    {
        var payload = """{"connectorId":1,"errorCode":"No\u0045rror","status":"Available","info":"\"quoted\" \\ \u00fc"}""";

        var error = OcppActions.Get(OcppAction.StatusNotification).RequestSchema.Validate(Encoding.UTF8.GetBytes(payload), OcppValidationMode.Strict, out _);

        Assert.Null(error);
    }
}
