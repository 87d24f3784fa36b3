namespace Levity.Grains.Plugins;

/// <summary>Where in the handling of a charger message a hook runs.</summary>
public enum HookPoint
{
    Before,
    On,
    After,
}
