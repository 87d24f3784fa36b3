using System.Text;
using Levity.Ocpp;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Sessions;
using Levity.Ocpp.Validation;
using Levity.Tests.Ocpp.Support;

namespace Levity.Tests.Ocpp.Validation;

/// <summary>
/// For every official schema, one invalid variant per field and constraint, generated from the
/// schema: strict validation must answer the spec's error code and name the field. Requests a
/// charge point sends go the whole way: CALL frame in, CALLERROR frame out.
/// </summary>
public sealed class SchemaErrorMappingTests
{
    public static TheoryData<string> Schemas => OcppTestData.SchemaNameData();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Validate_EveryInvalidVariant_ReturnsSpecCodeNamingTheField(string schemaName)
    {
        var officialSchema = OcppTestData.LoadSchema(schemaName);
        var action = OcppTestData.ActionOf(schemaName);
        var throughSession = !OcppTestData.IsResponse(schemaName) && action.CanBeSentBy(OcppRole.ChargePoint);
        using var session = new OcppSession("CP-map", new OcppProtocolOptions { StrictValidation = true }, (_, _) => ValueTask.CompletedTask,
            TimeProvider.System, new OcppToleranceTracker(), new TestLogger<OcppSession> { Keep = false });
        var failures = new List<string>();
        var count = 0;

        foreach (var mutation in SchemaSamples.Mutations(officialSchema))
        {
            count++;
            var json = mutation.Payload.ToJsonString();
            if (mutation.SchemaInvalid && SchemaChecker.Check(officialSchema, json).Count == 0)
            {
                failures.Add($"{mutation}: the generated variant is not invalid per the official schema");
            }

            var read = Levity.Ocpp.Serialization.OcppPayloadReader.Read<object>(
                OcppTestData.CompiledSchemaOf(schemaName), OcppTestData.TypeInfoOf(schemaName), Encoding.UTF8.GetBytes(json), OcppValidationMode.Strict);
            var error = read.Error;
            if (throughSession && error is not null)
            {
                var inbound = session.Receive(Encoding.UTF8.GetBytes($"[2,\"m-{count}\",\"{action.Name}\",{json}]"));
                var reply = OcppFrameParser.Parse(inbound.Reply).Frame as OcppCallError;
                if (reply is null || reply.MessageId != $"m-{count}" || reply.ErrorCode != error.Code ||
                    !reply.ErrorDescription.StartsWith(mutation.Path + ": ", StringComparison.Ordinal))
                {
                    failures.Add($"{mutation}: the CALLERROR frame differs from {error}");
                }
            }

            if (error is null)
            {
                failures.Add($"{mutation}: accepted");
            }
            else if (error.Code != mutation.ExpectedCode || !error.Description.StartsWith(mutation.Path + ": ", StringComparison.Ordinal))
            {
                failures.Add($"{mutation}: expected {mutation.ExpectedCode} at '{mutation.Path}', got {error}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(count >= 2, "no variants generated");
    }
}
