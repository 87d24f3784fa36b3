using Levity.Silo.Security;

namespace Levity.Silo.Gateway;

/// <summary>
/// The HTTP answer to a handshake that failed authentication, before any upgrade: 404 for an id
/// the registry does not know (--charger-registration known), 401 otherwise, with a Basic
/// challenge where a password would help (security profiles 1 and 2).
/// </summary>
internal static class ChargerRefusal
{
    public static async Task WriteAsync(HttpContext context, ChargerAuthentication authentication, AuthenticationFailure failure)
    {
        if (failure == AuthenticationFailure.UnknownCharger)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (authentication.SecurityProfile is 1 or 2)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"Levity\", charset=\"UTF-8\"";
            }
        }

        await context.Response.WriteAsync(failure.Describe() + "\n", context.RequestAborted);
    }
}
