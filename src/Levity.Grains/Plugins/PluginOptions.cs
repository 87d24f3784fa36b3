namespace Levity.Grains.Plugins;

public sealed class PluginOptions
{
    /// <summary>Longest a Before or On hook may hold up a charger's answer; it is then abandoned (its token cancelled).</summary>
    public TimeSpan HookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest an After hook may run before its token is cancelled.</summary>
    public TimeSpan AfterHookTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
