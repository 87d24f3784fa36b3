namespace Levity.Grains.Authorization;

/// <summary>The command-line spelling of <see cref="AuthorizationMode"/>: accept-all, known-tags.</summary>
public static class AuthorizationModes
{
    public const string AcceptAll = "accept-all";
    public const string KnownTags = "known-tags";

    public static bool TryParse(string? value, out AuthorizationMode mode)
    {
        var text = value?.Trim();
        if (string.Equals(text, AcceptAll, StringComparison.OrdinalIgnoreCase))
        {
            mode = AuthorizationMode.AcceptAll;
            return true;
        }

        mode = AuthorizationMode.KnownTags;
        return string.Equals(text, KnownTags, StringComparison.OrdinalIgnoreCase);
    }
}
