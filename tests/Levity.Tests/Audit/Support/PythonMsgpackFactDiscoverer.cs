using Levity.Tests.Support;
using Xunit.Abstractions;

namespace Levity.Tests.Audit.Support;

/// <summary>Checks once for python3-msgpack; see <see cref="PythonMsgpackFactAttribute"/>.</summary>
public sealed class PythonMsgpackFactDiscoverer(IMessageSink diagnosticMessageSink) : RequiresToolDiscoverer(diagnosticMessageSink)
{
    protected override string? Problem => PythonMsgpack.Problem;
}
