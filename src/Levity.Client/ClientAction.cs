using System.CommandLine;

namespace Levity.Client;

/// <summary>
/// Runs a client command: builds the API client from the connection options and turns each kind of
/// failure into one line on stderr and its exit code (see <see cref="ClientExitCodes"/>).
/// </summary>
internal static class ClientAction
{
    public static void Set(Command command, ClientOptions options, TextWriter output, TextWriter error, Func<ClientContext, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var connection = options.Read(result);
                using var api = new ApiClient(connection);
                return await run(new ClientContext(result, api, output, error, connection.Json), cancellationToken);
            }
            catch (ClientUsageException e)
            {
                await Fail(error, e.Message, cancellationToken);
                return ClientExitCodes.Usage;
            }
            catch (ApiUnreachableException e)
            {
                await Fail(error, e.Message, cancellationToken);
                return ClientExitCodes.Unreachable;
            }
            catch (ApiErrorException e)
            {
                await Fail(error, e.Message, cancellationToken);
                return ClientExitCodes.ServerError;
            }
        });
    }

    private static Task Fail(TextWriter error, string message, CancellationToken cancellationToken) =>
        error.WriteLineAsync($"levity: {message}".AsMemory(), cancellationToken);
}
