using Levity.Tests.Support;
using Xunit.Abstractions;

namespace Levity.Tests.Deploy;

/// <summary>Checks once for dpkg-deb and the repository's packaging script; see <see cref="DebianPackageFactAttribute"/>.</summary>
public sealed class DebianPackageFactDiscoverer(IMessageSink diagnosticMessageSink) : RequiresToolDiscoverer(diagnosticMessageSink)
{
    protected override string? Problem => DebianPackage.Problem;
}
