namespace Levity.Tests.Metrics;

/// <summary>
/// Tests that scrape a server run alone: OpenTelemetry listens to every meter in the process, and
/// the meters of servers from tests running in parallel (same names, other instances) would mix
/// into the page or, once disposed, take a shared stream with them. Production runs one server.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (one server at a time)";
}
