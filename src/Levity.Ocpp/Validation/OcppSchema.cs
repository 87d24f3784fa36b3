using System.Text.Json;

namespace Levity.Ocpp.Validation;

/// <summary>
/// One official OCPP 1.6 schema, compiled: validates a payload in a single forward pass over
/// its UTF-8 bytes (no DOM) and reports either the first violation as an <see cref="OcppError"/>
/// or the tolerances the payload needed.
/// </summary>
/// <remarks>
/// Error mapping (OCPP-J 1.6, 4.2.3):
/// payload not a JSON object, invalid JSON, invalid UTF-8, a duplicate property, or (strict) an
/// unknown property: FormationViolation. A required property missing, or (strict) an empty array
/// where one item is required: OccurenceConstraintViolation. A value of the wrong JSON type,
/// including null, a fraction for an integer, and (strict) a number sent as a string:
/// TypeConstraintViolation. A value outside its enum, longer than its maxLength, not a valid
/// date-time or URI, outside the 32-bit range, not a multiple of its step, or a sampled value
/// that is not a number: PropertyConstraintViolation.
/// </remarks>
public sealed class OcppSchema
{
    private readonly ObjectNode _root;

    internal OcppSchema(string name, ObjectNode root)
    {
        Name = name;
        _root = root;
    }

    /// <summary>The message the schema describes, e.g. <c>MeterValues.req</c>.</summary>
    public string Name { get; }

    internal ObjectNode Root => _root;

    /// <summary>Compiles a schema from its JSON text.</summary>
    public static OcppSchema Compile(string name, ReadOnlySpan<byte> schemaJson)
    {
        ArgumentNullException.ThrowIfNull(name);
        var reader = new Utf8JsonReader(schemaJson);
        using var document = JsonDocument.ParseValue(ref reader);
        return new OcppSchema(name, OcppSchemaCompiler.Compile(document.RootElement, name));
    }

    /// <summary>
    /// Validates <paramref name="payload"/>. Returns null when it is acceptable in
    /// <paramref name="mode"/> (with the deviations it needed in <paramref name="tolerances"/>),
    /// otherwise the first violation. Never throws on bad input.
    /// </summary>
    public OcppError? Validate(ReadOnlySpan<byte> payload, OcppValidationMode mode, out OcppTolerance tolerances)
    {
        tolerances = OcppTolerance.None;
        var reader = new Utf8JsonReader(payload);
        var state = new ValidationState(mode);
        try
        {
            if (!reader.Read())
            {
                return OcppError.Create(OcppErrorCode.FormationViolation, "payload: empty");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return OcppError.Create(OcppErrorCode.FormationViolation, $"payload: expected a JSON object, got {SchemaNode.Describe(ref reader)}");
            }

            if (!_root.Validate(ref reader, ref state))
            {
                return state.Failure!.ToError();
            }

            if (reader.Read())
            {
                return OcppError.Create(OcppErrorCode.FormationViolation, "payload: unexpected content after the object");
            }
        }
        catch (JsonException exception)
        {
            return OcppError.Create(OcppErrorCode.FormationViolation, $"payload: not valid JSON ({exception.Message})");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader refuses to unescape a string whose bytes are not UTF-8.
            return OcppError.Create(OcppErrorCode.FormationViolation, "payload: a string is not valid UTF-8");
        }

        tolerances = state.Tolerances;
        return null;
    }

    public override string ToString() => Name;
}
