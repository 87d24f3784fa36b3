namespace Levity.MinimalServer;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<byte[]> Echo(byte[] messageId);
}

/// <summary>One per charger, as Levity's ChargePointGrain, doing nothing but answering.</summary>
public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<byte[]> Echo(byte[] messageId) => Task.FromResult(messageId);
}
