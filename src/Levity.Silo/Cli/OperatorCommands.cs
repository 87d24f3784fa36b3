using System.CommandLine;
using Levity.Client;

namespace Levity.Silo.Cli;

/// <summary>
/// The subcommands beside "run the server": each group (cp, tx, idtag talk to a running server's
/// API; report and backup read a database file) adds its factory to <see cref="Create"/>.
/// </summary>
internal static class OperatorCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return
        [
            ChargePointCommands.Create(output, error),
            TransactionCommands.Create(output, error),
            IdTagCommands.Create(output, error),
            GroupCommands.Create(output, error),
            ReportCommands.Create(output, error),
            BackupCommand.Create(output, error),
        ];
    }
}
