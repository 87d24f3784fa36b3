namespace Levity.Runtime.Concurrency;

/// <summary>
/// On a grain interface method: calls to it start even while another call's turn is in progress
/// (for example while that turn awaits a reply), and other calls may start while it awaits. It
/// still runs single-threaded: its code interleaves with other turns only at <c>await</c>s. Use it
/// for calls that must get through while the grain waits, and keep their state changes safe for
/// interleaving.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
