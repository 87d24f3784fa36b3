using Levity.Ocpp.Actions;

namespace Levity.Silo.Audit.Records;

/// <summary>
/// A CALL waiting for its answer: what the answer's record needs from it (the action, and for
/// StartTransaction the meterStart in Wh the charger reported).
/// </summary>
internal readonly record struct PendingCall(string ActionName, OcppActionInfo? Action, double? MeterStart);
