using System.Collections;

namespace Levity.Silo.Configuration;

/// <summary>Layers the sources (appsettings.json &lt; LEVITY_* variables &lt; flags) and binds them.</summary>
public static class LevityConfiguration
{
    public static IConfigurationRoot Build(
        IReadOnlyDictionary<string, string?> commandLine,
        string? appSettingsDirectory = null,
        IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var builder = new ConfigurationBuilder();
        var directory = appSettingsDirectory ?? Directory.GetCurrentDirectory();
        builder.AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Add(new LevityEnvironmentVariablesSource(environment));
        builder.AddInMemoryCollection(commandLine);
        return builder.Build();
    }

    /// <summary>Binds and validates; returns the errors instead of throwing so the CLI can print them.</summary>
    public static LevityOptions Bind(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new LevityOptions();
        if (NumericSettings.CheckAll(configuration) is { Count: > 0 } numberErrors)
        {
            errors = numberErrors;
            return options;
        }

        try
        {
            configuration.GetSection(LevityOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the type ("Failed to convert configuration value at 'Levity:Port' ...").
            errors = [e.Message];
            return options;
        }

        errors = LevityOptionsValidator.Validate(options);
        return options;
    }
}
