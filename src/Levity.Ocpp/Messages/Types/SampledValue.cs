using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>
/// One measured value. <see cref="Value"/> is the reading as sent (a decimal number unless <see
/// cref="Format"/> is SignedData); absent optional fields take the spec defaults (context
/// Sample.Periodic, format Raw, measurand Energy.Active.Import.Register, location Outlet, unit Wh).
/// </summary>
[JsonConverter(typeof(SampledValueConverter))]
[GenerateSerializer, Immutable, Alias("ocpp.SampledValue")]
public sealed record SampledValue(
    string Value,
    ReadingContext? Context = null,
    ValueFormat? Format = null,
    Measurand? Measurand = null,
    Phase? Phase = null,
    Location? Location = null,
    UnitOfMeasure? Unit = null);
