using System.Text;
using System.Text.Json;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Levity.Tests.Grains;

/// <summary>
/// Everything that crosses a grain boundary goes through Orleans' own serializer and comes back
/// equal, so a second silo could receive any of it; and immutable values are not deep-copied on
/// in-process calls.
/// </summary>
public sealed class GrainBoundarySerializationTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();
    private static readonly DeepCopier Copier = Services.GetRequiredService<DeepCopier>();

    public static TheoryData<string> Schemas => OcppTestData.SchemaNameData();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void OcppMessage_MaximalAndMinimalSample_RoundTripsThroughOrleansSerializer(string schemaName)
    {
        var schema = OcppTestData.LoadSchema(schemaName);
        foreach (var sample in new[] { SchemaSamples.Maximal(schema), SchemaSamples.Minimal(schema) })
        {
            var typeInfo = OcppTestData.TypeInfoOf(schemaName);
            var read = OcppPayloadReader.Read<object>(OcppTestData.CompiledSchemaOf(schemaName), typeInfo, Encoding.UTF8.GetBytes(sample.ToJsonString()), OcppValidationMode.Strict);
            Assert.True(read.IsSuccess, $"{schemaName}: {read.Error}");

            var copy = RoundTrip<object>(read.Value);

            Assert.Equal(read.Value.GetType(), copy.GetType());
            Assert.Equal(JsonSerializer.Serialize(read.Value, typeInfo), JsonSerializer.Serialize(copy, typeInfo));
            Assert.Same(read.Value, Copier.Copy(read.Value));
        }
    }

    [Fact]
    public void OcppMessages_EveryRequestAndResponseRecord_IsCoveredBySchemaSamples()
    {
        var sampled = OcppTestData.SchemaNames.Select(n => OcppTestData.TypeInfoOf(n).Type).ToHashSet();
        var all = typeof(IOcppRequest).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (typeof(IOcppRequest).IsAssignableFrom(t) || typeof(IOcppResponse).IsAssignableFrom(t)))
            .ToHashSet();

        Assert.Equal(all.Count, sampled.Count);
        Assert.Subset(sampled, all);
    }

    [Fact]
    public void ChargePointState_WithConnectorsAndTransactions_RoundTripsAndIsNotCopied()
    {
        var at = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(1));
        var state = new ChargePointState(
            "CP1",
            true,
            new ChargerConnectionInfo(7, "127.0.0.1:5000", "ocpp1.6", at),
            "United Chargers",
            "Grizzl-E Smart",
            "GRS-1",
            "1.2.3",
            "Available",
            at,
            at.AddMinutes(1),
            at.AddMinutes(2),
            [new ConnectorState(1, "Charging", "NoError", at), new ConnectorState(2, "Available", "NoError", null)],
            [new ActiveTransaction(42, 1, "TAG1", at, 1_000, 2_500.5, at.AddMinutes(3))],
            "Uploaded",
            "Installed",
            at.AddMinutes(4),
            at.AddMinutes(5));

        var copy = RoundTrip(state);

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(copy));
        Assert.Equal(state.Connection, copy.Connection);
        Assert.Equal(state.Connectors, copy.Connectors);
        Assert.Equal(state.OpenTransactions, copy.OpenTransactions);
        Assert.Same(state, Copier.Copy(state));
    }

    [Fact]
    public void CallExceptions_EveryKind_RoundTripWithTheirFields()
    {
        var error = AssertException(new OcppCallErrorException("Reset", "m1", OcppErrorCode.NotSupported, "NotSupported", "no", "{\"x\":1}"));
        Assert.Equal((OcppErrorCode.NotSupported, "NotSupported", "no", "{\"x\":1}", "Reset", "m1"), (error.ErrorCode, error.ErrorCodeText, error.ErrorDescription, error.ErrorDetails, error.Action, error.MessageId));

        var timeout = AssertException(new OcppCallTimeoutException("Reset", "m2", TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), timeout.Timeout);

        var invalid = AssertException(new OcppInvalidPayloadException("Reset", "m3", new OcppError(OcppErrorCode.FormationViolation, "type: required"), isResponse: true));
        Assert.Equal((new OcppError(OcppErrorCode.FormationViolation, "type: required"), true), (invalid.Error, invalid.IsResponse));

        var full = AssertException(new OcppCallQueueFullException("Reset", 16));
        Assert.Equal(16, full.MaxQueuedCalls);

        var closed = AssertException(new OcppConnectionClosedException("Reset", "m4", wasSent: true));
        Assert.Equal(("m4", true), (closed.MessageId, closed.WasSent));

        AssertException(new ChargerNotConnectedException("Charger CP1 is not connected."));
    }

    private static T AssertException<T>(T exception)
        where T : Exception
    {
        var copy = RoundTrip<Exception>(exception);
        var typed = Assert.IsType<T>(copy);
        Assert.Equal(exception.Message, typed.Message);
        return typed;
    }

    private static T RoundTrip<T>(T value)
        where T : notnull => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
