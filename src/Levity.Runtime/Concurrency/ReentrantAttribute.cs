namespace Levity.Runtime.Concurrency;

/// <summary>
/// On a grain class: every call may start while other calls await, so calls interleave at
/// <c>await</c>s (never run in parallel). Prefer <see cref="AlwaysInterleaveAttribute"/> on the few
/// methods that need it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute
{
}
