namespace Levity.Silo.Security;

/// <summary>The handshake's verdict: accepted at <see cref="SecurityProfile"/>, or refused for <see cref="Failure"/>.</summary>
public sealed record ChargerAuthentication(int SecurityProfile, AuthenticationFailure? Failure)
{
    public bool Accepted => Failure is null;

    public static ChargerAuthentication Accept(int profile) => new(profile, null);

    public static ChargerAuthentication Refuse(int profile, AuthenticationFailure failure) => new(profile, failure);
}
