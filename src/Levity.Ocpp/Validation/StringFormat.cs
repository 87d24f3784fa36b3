namespace Levity.Ocpp.Validation;

/// <summary>The JSON Schema "format" values the OCPP 1.6 schemas use.</summary>
internal enum StringFormat
{
    None,
    DateTime,
    Uri,
}
