namespace Levity.Grains.Authorization;

/// <summary>How idTags are authorized (--authorization).</summary>
public sealed class AuthorizationOptions
{
    public AuthorizationMode Mode { get; set; } = AuthorizationMode.AcceptAll;
}
