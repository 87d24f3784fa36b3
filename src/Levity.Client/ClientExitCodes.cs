namespace Levity.Client;

/// <summary>
/// Exit codes of the commands that talk to a running server (cp, tx, idtag). Scripts tell "the
/// server said no" (1) from "there was no server to ask" (3), which call for different reactions.
/// </summary>
internal static class ClientExitCodes
{
    public const int Ok = 0;

    /// <summary>The server answered an error (4xx/5xx) or the charger answered a CALLERROR.</summary>
    public const int ServerError = 1;

    /// <summary>Bad usage: unknown option, bad JSON or date argument, bad --url.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached or did not answer within --timeout.</summary>
    public const int Unreachable = 3;

    public const string HelpText =
        "Exit codes: 0 success; 1 the server answered an error or the charger answered a CALLERROR; " +
        "2 bad usage; 3 the server is unreachable or did not answer within --timeout.";
}
