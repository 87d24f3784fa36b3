namespace Levity.Tests.Audit.Support;

/// <summary>Thrown by a <see cref="SkippableFactAttribute"/> test to report itself skipped with a reason.</summary>
internal sealed class SkipException(string reason) : Exception(reason)
{
    public static void Unless(bool condition, string reason)
    {
        if (!condition)
        {
            throw new SkipException(reason);
        }
    }
}
