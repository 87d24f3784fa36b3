namespace Levity.Tests.Ocpp.Support;

/// <summary>
/// Frames real chargers sent, as reported on public issue trackers (ids shortened where they
/// were obfuscated). Each is a regression case for a quirk the issue lists.
/// </summary>
internal static class RealWorldFrames
{
    /// <summary>Grizzl-E answering GetConfiguration with a CALLRESULT cut off after the array (lbbrhzn/ocpp#176, #442).</summary>
    public const string GrizzlETruncatedConfiguration = """[3,"64b4a0fc-7282-4e26-ab30-cc3c2955c70d",{"configurationKey":[]""";

    /// <summary>Grizzl-E Smart 40A: an array with no opening bracket (lbbrhzn/ocpp#1652).</summary>
    public const string GrizzlEBrokenConfiguration = """[3,"4e4fbc62-5007-4ca4-9aa4-10927d891546",{"configurationKey":],"unknownKey":["MeterValuesSampledData"]}]""";

    /// <summary>Grizzl-E boot: message id of 18 characters, iccid "-67" (lbbrhzn/ocpp#176).</summary>
    public const string GrizzlEBoot = """[2,"4011002b9caa694292","BootNotification",{"chargePointSerialNumber":"GRS-4011002b9c","chargePointModel":"GRS-*","chargePointVendor":"United Chargers","firmwareVersion":"05.43","meterType":"SW","iccid":"-67"}]""";

    /// <summary>Schneider EVlink: serial numbers of 26 and 33 characters (lbbrhzn/ocpp#1622, mobilityhouse/ocpp#273).</summary>
    public const string SchneiderLongSerials = """[2,"2","BootNotification",{"chargeBoxSerialNumber":"EVB1A22P2KI3N12345678901234567890","chargePointModel":"EVlink Smart Wallbox","chargePointSerialNumber":"3N123456789F2S1B1234567890","chargePointVendor":"Schneider Electric","firmwareVersion":"3.4.0.9"}]""";

    /// <summary>OpenEVSE: readings as bare JSON numbers (lbbrhzn/ocpp#210).</summary>
    public const string OpenEvseNumericReadings = """[2,"101","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2021-11-22T20:38:32.000Z","sampledValue":[{"value":604.213,"measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":0,"measurand":"Power.Active.Import","unit":"W"}]}]}]""";

    /// <summary>ABB Terra AC: info is the string "null" (lbbrhzn/ocpp#169).</summary>
    public const string AbbStatusWithNullInfo = """[2,"3965102","StatusNotification",{"connectorId":1,"errorCode":"NoError","info":"null","status":"Preparing","vendorErrorCode":"0x00"}]""";

    /// <summary>
    /// ABB Terra DC: a message id with a colon, "value" last, SoC from the EV (evcc-io/evcc#30114;
    /// the report cut the frame off at the timestamp, which is filled in here).
    /// </summary>
    public const string AbbTerraDcMeterValues = """[2,"36:354","MeterValues",{"connectorId":1,"meterValue":[{"sampledValue":[{"unit":"Wh","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","value":"364208"},{"unit":"W","context":"Sample.Periodic","measurand":"Power.Active.Import","value":"19343"},{"unit":"Percent","context":"Sample.Periodic","measurand":"SoC","location":"EV","value":"46.0"},{"unit":"A","context":"Sample.Periodic","measurand":"Current.Offered","location":"Inlet","value":"29.9"},{"unit":"A","context":"Sample.Periodic","measurand":"Current.Import","value":"29"},{"unit":"V","context":"Sample.Periodic","measurand":"Voltage","value":"667"}],"timestamp":"2026-05-22T14:51:17.000Z"}]}]""";

    /// <summary>A charger sending an empty sampledValue array after a firmware update (lbbrhzn/ocpp#466).</summary>
    public const string EmptySampledValues = """[2,"77","MeterValues",{"connectorId":1,"transactionId":12,"meterValue":[{"timestamp":"2022-07-01T10:00:00Z","sampledValue":[]}]}]""";

    /// <summary>Alfen Eve firmware 6.5: an extra "values" property in MeterValue (steve-community/steve#1347).</summary>
    public const string AlfenExtraValuesProperty = """[2,"7","MeterValues",{"connectorId":1,"transactionId":1,"meterValue":[{"timestamp":"2023-12-29T12:14:04Z","sampledValue":[{"value":"1234.5","measurand":"Energy.Active.Import.Register","unit":"Wh"}],"values":[]}]}]""";

    /// <summary>Alfen: transactionId Int64.MaxValue and a context OCPP does not define (lbbrhzn/ocpp#361, lorenzodonini/ocpp-go#188).</summary>
    public const string AlfenInvalidTransactionId = """[2,"4","MeterValues",{"connectorId":1,"transactionId":9223372036854775807,"meterValue":[{"timestamp":"2020-09-19T15:14:23Z","sampledValue":[{"value":"15.630","context":"Sample.Periodic","unit":"A"},{"value":"16.000","context":"CurrentMax","unit":"A"}]}]}]""";

    /// <summary>ZJ Beny: a leading comma in an array (lbbrhzn/ocpp#1078).</summary>
    public const string ZjBenyLeadingComma = """[2,"9386nmn4ktjx4znjck54b8k2","MeterValues",{"connectorId":1,"transactionId":1707206943,"meterValue":[{"timestamp":"2024-02-06T08:09:05Z","sampledValue":[,{"value":"139954","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","format":"Raw","unit":"Wh"}]}]}]""";

    /// <summary>A charger spelling the unit as the 1.6 schema does, "Celcius".</summary>
    public const string CelciusTemperature = """[2,"t-1","MeterValues",{"connectorId":0,"meterValue":[{"timestamp":"2024-01-10T08:00:00Z","sampledValue":[{"value":"41.5","measurand":"Temperature","unit":"Celcius","location":"Body"}]}]}]""";

    /// <summary>A typical periodic MeterValues of a charging session: energy, power, current and voltage.</summary>
    public const string TypicalMeterValues = """[2,"1053","MeterValues",{"connectorId":1,"transactionId":4711,"meterValue":[{"timestamp":"2026-11-21T11:41:37.907Z","sampledValue":[{"value":"123456.7","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"7360","context":"Sample.Periodic","measurand":"Power.Active.Import","location":"Outlet","unit":"W"},{"value":"32.0","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","location":"Outlet","unit":"A"},{"value":"230.1","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","location":"Outlet","unit":"V"}]}]}]""";

    public static IReadOnlyList<string> All { get; } =
    [
        GrizzlETruncatedConfiguration, GrizzlEBrokenConfiguration, GrizzlEBoot, SchneiderLongSerials, OpenEvseNumericReadings,
        AbbStatusWithNullInfo, AbbTerraDcMeterValues, EmptySampledValues, AlfenExtraValuesProperty, AlfenInvalidTransactionId, ZjBenyLeadingComma,
        CelciusTemperature, TypicalMeterValues,
    ];
}
