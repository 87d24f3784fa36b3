namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>A call to a charger that has no open session: nothing was sent.</summary>
[GenerateSerializer, Alias("levity.ChargerNotConnectedException")]
public sealed class ChargerNotConnectedException : Exception
{
    public ChargerNotConnectedException()
    {
    }

    public ChargerNotConnectedException(string message)
        : base(message)
    {
    }

    public ChargerNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
