namespace Levity.Runtime.Filters;

internal sealed class DelegateIncomingGrainCallFilter(IncomingGrainCallFilterDelegate filter) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => filter(context);
}
