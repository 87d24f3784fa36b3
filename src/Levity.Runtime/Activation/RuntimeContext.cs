namespace Levity.Runtime.Activation;

/// <summary>The activation whose code the current thread is running, if any.</summary>
internal static class RuntimeContext
{
    [ThreadStatic]
    private static GrainActivation? _current;

    public static GrainActivation? Current
    {
        get => _current;
        set => _current = value;
    }
}
