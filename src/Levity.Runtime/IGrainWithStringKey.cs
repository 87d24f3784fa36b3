namespace Levity.Runtime;

/// <summary>
/// Marker for grain interfaces whose grains are identified by a string key; obtain references with
/// <see cref="IGrainFactory.GetGrain{TGrainInterface}(string)"/>.
/// </summary>
/// <remarks>
/// Every method of a grain interface returns <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/> and has no ref/out parameters and no
/// generic parameters. Arguments and results are passed by reference (no copy is made, unlike
/// Orleans), so pass immutable values.
/// </remarks>
#pragma warning disable CA1040 // Marker interface on purpose: it mirrors Orleans.
public interface IGrainWithStringKey : IGrain
#pragma warning restore CA1040
{
}
