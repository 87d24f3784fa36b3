using System.CommandLine;
using Levity.Client;
using Levity.Silo.Configuration;
using Levity.Silo.Hosting;

namespace Levity.Silo.Cli;

/// <summary>
/// The `levity` command line. With no subcommand it runs the server. Exit codes: 0 success,
/// 1 runtime failure, 2 bad usage or bad settings, 3 the database was refused, 4 a port cannot be
/// listened on.
/// </summary>
public static class LevityCli
{
    public const int ExitOk = ClientExitCodes.Ok;
    public const int ExitFailure = ClientExitCodes.ServerError;
    public const int ExitUsage = ClientExitCodes.Usage;

    /// <summary>The database is in use by another Levity, not writable, damaged or newer than this Levity.</summary>
    public const int ExitDatabase = 3;

    /// <summary>A port is in use, not allowed, or its address is not on this machine.</summary>
    public const int ExitListen = 4;

    public delegate Task<int> ServerRunner(LevityOptions options, CancellationToken cancellationToken);

    public static async Task<int> InvokeAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        ServerRunner? runServer = null,
        CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        runServer ??= LevityServer.RunAsync;

        var flags = new ServerFlags();
        var root = new RootCommand(
            "Levity: OCPP 1.6-J Central System. Chargers connect to ws://HOST:PORT/ws/{chargePointId}. " +
            "Exit codes of the server: 0 stopped; 1 failed; 2 bad usage or setting; 3 database refused (in use, read-only, damaged, newer); 4 a port cannot be listened on.");
        foreach (var option in flags.Options)
        {
            root.Options.Add(option);
        }

        // Operator subcommands (cp, tx, idtag, report, backup) each live in their own file and register here.
        foreach (var command in OperatorCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }

        root.SetAction(async (result, ct) =>
        {
            var configuration = LevityConfiguration.Build(flags.ToConfiguration(result));
            var options = LevityConfiguration.Bind(configuration, out var problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"levity: {problem}".AsMemory(), ct);
                }

                return ExitUsage;
            }

            return await runServer(options, ct);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"levity: {parseError.Message}".AsMemory(), cancellationToken);
            }

            await error.WriteLineAsync("Run 'levity --help' for the list of options.".AsMemory(), cancellationToken);
            return ExitUsage;
        }

        // The generic host handles SIGTERM/SIGINT itself (graceful drain within its shutdown timeout),
        // so System.CommandLine must not install its own termination handler.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken);
    }
}
