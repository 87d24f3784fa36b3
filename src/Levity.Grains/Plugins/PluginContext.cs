using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Storage;

namespace Levity.Grains.Plugins;

/// <summary>What a Before hook sees: the charger, the typed request and the raw frame.</summary>
public class PluginContext<TRequest> : PluginSession
    where TRequest : IOcppRequest
{
    internal PluginContext(string chargePointId, IChargePointGrain grain, IStoreReader store, TRequest request, ReadOnlyMemory<byte> rawFrame, ChargePointState state, HookPoint hook)
        : base(chargePointId, grain, store)
    {
        Request = request;
        RawFrame = rawFrame;
        State = state;
        Hook = hook;
    }

    public TRequest Request { get; }

    /// <summary>The frame as the charger sent it (UTF-8 JSON); empty when the call did not come from a charger.</summary>
    public ReadOnlyMemory<byte> RawFrame { get; }

    /// <summary>The charger's live state when the hook started.</summary>
    public ChargePointState State { get; }

    public HookPoint Hook { get; }
}

/// <summary>What On and After hooks see: also the response.</summary>
public sealed class PluginContext<TRequest, TResponse> : PluginContext<TRequest>
    where TRequest : IOcppRequest<TResponse>
    where TResponse : IOcppResponse
{
    internal PluginContext(string chargePointId, IChargePointGrain grain, IStoreReader store, TRequest request, ReadOnlyMemory<byte> rawFrame, ChargePointState state, HookPoint hook, TResponse response)
        : base(chargePointId, grain, store, request, rawFrame, state, hook)
    {
        Response = response;
    }

    /// <summary>The answer to the charger. On hooks may replace it; in After hooks it is what was sent.</summary>
    public TResponse Response { get; set; }
}
