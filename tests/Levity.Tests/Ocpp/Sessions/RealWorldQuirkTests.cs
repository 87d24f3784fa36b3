using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;

namespace Levity.Tests.Ocpp.Sessions;

/// <summary>Payloads real chargers sent (see <see cref="RealWorldFrames"/>), through the session as the gateway will use it.</summary>
public sealed class RealWorldQuirkTests : IDisposable
{
    private readonly SessionFixture _fixture = new();

    [Fact]
    public void Receive_GrizzlEBoot_Accepted()
    {
        var request = Assert.IsType<BootNotificationRequest>(Accept(RealWorldFrames.GrizzlEBoot, OcppTolerance.None));

        Assert.Equal("United Chargers", request.ChargePointVendor);
        Assert.Equal("-67", request.Iccid);
    }

    [Fact]
    public void Receive_SchneiderSerialNumbersOver25Characters_AcceptedAsOverlong()
    {
        var request = Assert.IsType<BootNotificationRequest>(Accept(RealWorldFrames.SchneiderLongSerials, OcppTolerance.OverlongString));

        Assert.Equal("EVB1A22P2KI3N12345678901234567890", request.ChargeBoxSerialNumber);
    }

    [Fact]
    public void Receive_OpenEvseBareNumberReadings_AcceptedWithExactText()
    {
        var request = Assert.IsType<MeterValuesRequest>(Accept(RealWorldFrames.OpenEvseNumericReadings, OcppTolerance.BareNumberValue));

        Assert.Equal(["604.213", "0"], request.MeterValue[0].SampledValue.Select(s => s.Value));
    }

    [Fact]
    public void Receive_AbbInfoNullString_AcceptedAsText()
    {
        var request = Assert.IsType<StatusNotificationRequest>(Accept(RealWorldFrames.AbbStatusWithNullInfo, OcppTolerance.None));

        Assert.Equal("null", request.Info);
        Assert.Equal(ChargePointStatus.Preparing, request.Status);
    }

    [Fact]
    public void Receive_AbbTerraDcMeterValues_AcceptedAsSent()
    {
        var request = Assert.IsType<MeterValuesRequest>(Accept(RealWorldFrames.AbbTerraDcMeterValues, OcppTolerance.None));

        var samples = request.MeterValue[0].SampledValue;
        Assert.Equal(6, samples.Count);
        Assert.Equal(new SampledValue("46.0", ReadingContext.SamplePeriodic, Measurand: Measurand.SoC, Location: Location.EV, Unit: UnitOfMeasure.Percent), samples[2]);
    }

    [Fact]
    public void Receive_EmptySampledValues_AcceptedAsEmptyArray()
    {
        var request = Assert.IsType<MeterValuesRequest>(Accept(RealWorldFrames.EmptySampledValues, OcppTolerance.EmptyArray));

        Assert.Empty(request.MeterValue[0].SampledValue);
    }

    [Fact]
    public void Receive_AlfenExtraValuesProperty_AcceptedAsUnknownProperty()
    {
        var request = Assert.IsType<MeterValuesRequest>(Accept(RealWorldFrames.AlfenExtraValuesProperty, OcppTolerance.UnknownProperty));

        Assert.Equal("1234.5", request.MeterValue[0].SampledValue[0].Value);
    }

    [Fact]
    public void Receive_AlfenTransactionIdBeyond32Bits_RefusedNamingTheField()
    {
        var reply = Refuse(RealWorldFrames.AlfenInvalidTransactionId);

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, reply.ErrorCode);
        Assert.StartsWith("transactionId: 9223372036854775807 is outside the 32-bit integer range", reply.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_ZjBenyLeadingComma_RefusedAsFormationViolationToItsMessageId()
    {
        var reply = Refuse(RealWorldFrames.ZjBenyLeadingComma);

        Assert.Equal(OcppErrorCode.FormationViolation, reply.ErrorCode);
        Assert.Equal("9386nmn4ktjx4znjck54b8k2", reply.MessageId);
    }

    [Fact]
    public void Receive_Celcius_ReadAsCelsius()
    {
        var request = Assert.IsType<MeterValuesRequest>(Accept(RealWorldFrames.CelciusTemperature, OcppTolerance.KnownMisspelling));

        Assert.Equal(UnitOfMeasure.Celsius, request.MeterValue[0].SampledValue[0].Unit);
    }

    [Fact]
    public void Receive_GrizzlETruncatedResponseWithoutOutstandingCall_DroppedAndLogged()
    {
        using var session = _fixture.Connect("GRS-1");

        var inbound = session.Receive(Encoding.UTF8.GetBytes(RealWorldFrames.GrizzlETruncatedConfiguration));

        Assert.Equal(OcppInboundKind.Dropped, inbound.Kind);
        Assert.Equal(OcppErrorCode.ProtocolError, inbound.Error!.Code);
        Assert.Contains("64b4a0fc", Assert.Single(_fixture.Logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_GrizzlEBrokenResponse_DroppedAsFormationViolation()
    {
        using var session = _fixture.Connect("GRS-1");

        var inbound = session.Receive(Encoding.UTF8.GetBytes(RealWorldFrames.GrizzlEBrokenConfiguration));

        Assert.Equal(OcppInboundKind.Dropped, inbound.Kind);
        Assert.Equal(OcppErrorCode.FormationViolation, inbound.Error!.Code);
    }

    [Fact]
    public void Receive_SchneiderInStrictMode_RefusedNamingTheField()
    {
        using var strict = new SessionFixture(strict: true);
        using var session = strict.Connect("EVB1");

        var reply = SessionFixture.ParseReply(session.Receive(Encoding.UTF8.GetBytes(RealWorldFrames.SchneiderLongSerials)).Reply);

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, reply.ErrorCode);
        Assert.StartsWith("chargeBoxSerialNumber: 33 characters, at most 25 allowed", reply.ErrorDescription, StringComparison.Ordinal);
    }

    public void Dispose() => _fixture.Dispose();

    private IOcppRequest Accept(string frame, OcppTolerance tolerances)
    {
        using var session = _fixture.Connect("quirky");
        var inbound = session.Receive(Encoding.UTF8.GetBytes(frame));

        Assert.True(inbound.Kind == OcppInboundKind.Request, inbound.Error?.ToString());
        Assert.Equal(tolerances, session.Tolerances.Seen);
        return inbound.Request!;
    }

    private Levity.Ocpp.Framing.OcppCallError Refuse(string frame)
    {
        using var session = _fixture.Connect("quirky");
        var inbound = session.Receive(Encoding.UTF8.GetBytes(frame));

        Assert.Equal(OcppInboundKind.Reply, inbound.Kind);
        return SessionFixture.ParseReply(inbound.Reply);
    }
}
