using Levity.Tests.Support;
using Xunit.Abstractions;

namespace Levity.Tests.Metrics.Support;

/// <summary>Checks once for promtool; see <see cref="PromtoolFactAttribute"/>.</summary>
public sealed class PromtoolFactDiscoverer(IMessageSink diagnosticMessageSink) : RequiresToolDiscoverer(diagnosticMessageSink)
{
    protected override string? Problem => Promtool.Problem;
}
