namespace Levity.Grains.Plugins.BuiltIn;

/// <summary>--enable-auto-start, --auto-start-id-tag, --auto-start-delay.</summary>
public sealed class AutoRemoteStartOptions
{
    public string IdTag { get; set; } = "anonymous";

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);
}
