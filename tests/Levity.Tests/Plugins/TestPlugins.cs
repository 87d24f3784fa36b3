using System.Collections.Concurrent;
using System.Text;
using Levity.Grains.Plugins;
using Levity.Ocpp.Messages;

namespace Levity.Tests.Plugins;

/// <summary>Records every hook it sees, in order; its After hook waits until the test allows it.</summary>
internal sealed class RecordingPlugin : IChargePointPlugin,
    IBeforeHook<HeartbeatRequest>,
    IOnHook<HeartbeatRequest, HeartbeatResponse>,
    IAfterHook<HeartbeatRequest, HeartbeatResponse>
{
    public ConcurrentQueue<string> Events { get; } = new();

    public TaskCompletionSource AllowAfter { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource AfterDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask InitializeAsync(PluginSession session, CancellationToken cancellationToken)
    {
        Events.Enqueue($"init:{session.ChargePointId}");
        return ValueTask.CompletedTask;
    }

    public ValueTask CleanupAsync(PluginSession session, CancellationToken cancellationToken)
    {
        Events.Enqueue($"cleanup:{session.ChargePointId}");
        return ValueTask.CompletedTask;
    }

    public ValueTask BeforeAsync(PluginContext<HeartbeatRequest> context, CancellationToken cancellationToken)
    {
        Events.Enqueue($"before:{context.ChargePointId}:{Encoding.UTF8.GetString(context.RawFrame.Span).Contains("\"Heartbeat\"", StringComparison.Ordinal)}:{context.State.LastHeartbeatAt is null}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnAsync(PluginContext<HeartbeatRequest, HeartbeatResponse> context, CancellationToken cancellationToken)
    {
        Events.Enqueue($"on:{context.Response.CurrentTime.Year}:{context.State.LastHeartbeatAt is not null}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask AfterAsync(PluginContext<HeartbeatRequest, HeartbeatResponse> context, CancellationToken cancellationToken)
    {
        await AllowAfter.Task.WaitAsync(cancellationToken);
        Events.Enqueue($"after:{context.Response.CurrentTime.Year}:{context.RawFrame.Length > 0}");
        AfterDone.TrySetResult();
    }
}

/// <summary>Answers DataTransfer for its own vendor id.</summary>
internal sealed class VendorPlugin : IChargePointPlugin, IOnHook<DataTransferRequest, DataTransferResponse>
{
    public ValueTask OnAsync(PluginContext<DataTransferRequest, DataTransferResponse> context, CancellationToken cancellationToken)
    {
        if (context.Request.VendorId == "com.example")
        {
            context.Response = new DataTransferResponse(DataTransferStatus.Accepted, "pong:" + context.Request.Data);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>After a StatusNotification, asks the charger for its configuration.</summary>
internal sealed class CallingPlugin : IChargePointPlugin, IAfterHook<StatusNotificationRequest, StatusNotificationResponse>
{
    public TaskCompletionSource<GetConfigurationResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask AfterAsync(PluginContext<StatusNotificationRequest, StatusNotificationResponse> context, CancellationToken cancellationToken)
    {
        try
        {
            Answer.TrySetResult(await context.CallAsync(new GetConfigurationRequest(["HeartbeatInterval"])));
        }
        catch (Exception e)
        {
            Answer.TrySetException(e);
        }
    }
}

/// <summary>Throws from its Before hook.</summary>
internal sealed class ThrowingPlugin : IChargePointPlugin, IBeforeHook<HeartbeatRequest>
{
    public ValueTask BeforeAsync(PluginContext<HeartbeatRequest> context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("plugin bug");
}

/// <summary>A Before hook that never finishes and ignores its token.</summary>
internal sealed class StuckPlugin : IChargePointPlugin, IBeforeHook<HeartbeatRequest>
{
    public async ValueTask BeforeAsync(PluginContext<HeartbeatRequest> context, CancellationToken cancellationToken) =>
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
}
