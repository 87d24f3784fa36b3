namespace Levity.Runtime;

/// <summary>
/// A grain call was refused because the silo is not running: it has not started, or it is
/// stopping (calls from outside grains are refused as soon as shutdown begins).
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
        : this("The silo is not running.")
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
