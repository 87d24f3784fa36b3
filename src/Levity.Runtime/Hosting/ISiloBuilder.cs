using Microsoft.Extensions.DependencyInjection;

namespace Levity.Runtime.Hosting;

/// <summary>
/// Configures the silo inside <c>services.AddLevitySilo(silo =&gt; ...)</c> (Orleans
/// <c>ISiloBuilder</c>); see <see cref="SiloBuilderExtensions"/> for what can be added.
/// </summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}
