using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>What a sampled value measures.</summary>
[JsonConverter(typeof(OcppEnumConverter<Measurand>))]
[GenerateSerializer, Alias("ocpp.Measurand")]
public enum Measurand
{
    [JsonStringEnumMemberName("Energy.Active.Export.Register")]
    EnergyActiveExportRegister,

    [JsonStringEnumMemberName("Energy.Active.Import.Register")]
    EnergyActiveImportRegister,

    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,

    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,

    [JsonStringEnumMemberName("Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,

    [JsonStringEnumMemberName("Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,

    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,

    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,

    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,

    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,

    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,

    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,

    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,

    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,

    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,

    Voltage,

    Frequency,

    Temperature,

    SoC,

    [JsonStringEnumMemberName("RPM")]
    Rpm,
}
