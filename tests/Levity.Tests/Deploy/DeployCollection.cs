namespace Levity.Tests.Deploy;

/// <summary>
/// The package build (a self-contained Release publish, a minute or two of both cores) runs
/// alone, after the parallel tests, so it slows no timing-sensitive test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployCollection
{
    public const string Name = "Deploy (package build, alone)";
}
