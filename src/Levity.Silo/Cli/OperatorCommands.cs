using System.CommandLine;

namespace Levity.Silo.Cli;

/// <summary>
/// The subcommands beside "run the server": each group (cp, tx, idtag talk to a running server's
/// API; report reads a database file) adds its factory to <see cref="Create"/>.
/// </summary>
internal static class OperatorCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return
        [
            ReportCommands.Create(output, error),
        ];
    }
}
