using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins;

/// <summary>A charger message whose answer is on the socket: what its After hooks see.</summary>
public sealed record AnsweredCall(
    string ChargePointId,
    IChargePointGrain Grain,
    IOcppRequest Request,
    IOcppResponse Response,
    ReadOnlyMemory<byte> RawFrame,
    ChargePointState State);
