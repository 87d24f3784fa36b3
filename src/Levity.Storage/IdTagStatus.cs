namespace Levity.Storage;

/// <summary>Values of <c>id_tag.status</c> (the OCPP 1.6 AuthorizationStatus values an operator may set).</summary>
public static class IdTagStatus
{
    public const string Accepted = "Accepted";
    public const string Blocked = "Blocked";
    public const string Expired = "Expired";
    public const string Invalid = "Invalid";

    public static IReadOnlyList<string> All { get; } = [Accepted, Blocked, Expired, Invalid];

    /// <summary>The canonical spelling of <paramref name="value"/> (any case), or null if it is not a status.</summary>
    public static string? Normalize(string? value) =>
        All.FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
