using Levity.Silo.Cli;

namespace Levity.Tests.Client;

/// <summary>Runs `levity ARGS` in-process through the real command line, capturing stdout and stderr.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LevityCli.InvokeAsync(args, output, error, (_, _) => throw new InvalidOperationException("a client command must not start the server"));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The output's lines, trailing spaces and empty lines dropped.</summary>
    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
