using System.Collections;

namespace Levity.Silo.Configuration;

/// <summary>
/// Maps LEVITY_* environment variables onto the "Levity" section: LEVITY_METRICS_PORT=9090 sets
/// Levity:MetricsPort (underscores dropped, binding is case-insensitive), so every flag has an
/// environment variable named after it.
/// </summary>
public sealed class LevityEnvironmentVariablesSource(IDictionary? variables = null) : IConfigurationSource
{
    public const string Prefix = "LEVITY_";

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(variables);

    /// <summary>The environment variable for a flag: --metrics-port → LEVITY_METRICS_PORT.</summary>
    public static string VariableFor(string flag) =>
        Prefix + flag.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    private sealed class Provider(IDictionary? variables) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in variables ?? Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
                {
                    var key = name[Prefix.Length..].Replace("_", string.Empty, StringComparison.Ordinal);
                    data[$"{LevityOptions.SectionName}:{key}"] = entry.Value as string;
                }
            }

            Data = data;
        }
    }
}
