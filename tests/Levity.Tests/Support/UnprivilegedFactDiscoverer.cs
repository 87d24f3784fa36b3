using Xunit.Abstractions;

namespace Levity.Tests.Support;

/// <summary>See <see cref="UnprivilegedFactAttribute"/>.</summary>
public sealed class UnprivilegedFactDiscoverer(IMessageSink diagnosticMessageSink) : RequiresToolDiscoverer(diagnosticMessageSink)
{
    protected override string? Problem => LevityCommand.UnprivilegedUnavailable();
}
