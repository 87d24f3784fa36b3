using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Ocpp.Messages;

namespace Levity.Tests.Grains;

/// <summary>Records entering and leaving IChargePointGrain calls; registered first.</summary>
internal sealed class FirstFilter(ChargePointCluster cluster) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => Recording.Around(cluster, context, "first");
}

/// <summary>Registered second: runs inside <see cref="FirstFilter"/>.</summary>
internal sealed class SecondFilter(ChargePointCluster cluster) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => Recording.Around(cluster, context, "second");
}

internal static class Recording
{
    public static async Task Around(ChargePointCluster cluster, IIncomingGrainCallContext context, string name)
    {
        if (context.Request.GetInterfaceType() != typeof(IChargePointGrain) || context.MethodName != nameof(IChargePointGrain.DataTransfer))
        {
            await context.Invoke();
            return;
        }

        var calls = cluster.CallsOf(context.TargetId.Key.ToString()!);
        calls.Enqueue($"{name}:in");
        await context.Invoke();
        calls.Enqueue($"{name}:out:{((DataTransferResponse)context.Result!).Status}");
    }
}

/// <summary>
/// DataTransfer hooks for the cluster tests: messageId "throw" makes the Before hook throw,
/// "slow" holds the turn for a while (recording when it enters and leaves), and the On hook answers vendor "test".
/// </summary>
internal sealed class ClusterPlugin(ChargePointCluster cluster) : IChargePointPlugin,
    IBeforeHook<DataTransferRequest>,
    IOnHook<DataTransferRequest, DataTransferResponse>
{
    public async ValueTask BeforeAsync(PluginContext<DataTransferRequest> context, CancellationToken cancellationToken)
    {
        var calls = cluster.CallsOf(context.ChargePointId);
        calls.Enqueue("before");
        switch (context.Request.MessageId)
        {
            case "throw":
                throw new InvalidOperationException("plugin bug");
            case "slow":
                calls.Enqueue("slow:in:" + context.Request.Data);
                await Task.Delay(TimeSpan.FromMilliseconds(30), TimeProvider.System, cancellationToken);
                calls.Enqueue("slow:out:" + context.Request.Data);
                break;
        }
    }

    public ValueTask OnAsync(PluginContext<DataTransferRequest, DataTransferResponse> context, CancellationToken cancellationToken)
    {
        cluster.CallsOf(context.ChargePointId).Enqueue("on");
        if (context.Request.VendorId == "test")
        {
            context.Response = new DataTransferResponse(DataTransferStatus.Accepted, "answered by plugin");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A charger session as the grain sees it: an observer that answers server-initiated calls.</summary>
internal sealed class FakeChargerConnection(Func<IOcppRequest, Task<IOcppResponse>> answer) : IChargerConnection
{
    public Task<IOcppResponse> Call(IOcppRequest request) => answer(request);

    public Task<string> CallRaw(string action, string payloadJson) => Task.FromResult("{}");
}
