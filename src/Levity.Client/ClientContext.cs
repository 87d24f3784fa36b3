using System.CommandLine;

namespace Levity.Client;

/// <summary>What a client command's action gets: its parsed arguments, the API, and where to print.</summary>
internal sealed record ClientContext(ParseResult Result, ApiClient Api, TextWriter Output, TextWriter Error, bool Json)
{
    public Task PrintAsync(string text, CancellationToken cancellationToken) =>
        Output.WriteAsync(text.AsMemory(), cancellationToken);

    public Task PrintJsonAsync(System.Text.Json.Nodes.JsonNode? node, CancellationToken cancellationToken) =>
        PrintAsync(Display.Json(node) + Environment.NewLine, cancellationToken);

    /// <summary>Prints the API's answer: as it came with --json, else as <paramref name="render"/> words it. Exit code Ok.</summary>
    public async Task<int> ShowAsync(System.Text.Json.Nodes.JsonNode? answer, Func<System.Text.Json.Nodes.JsonNode?, string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        await (Json ? PrintJsonAsync(answer, cancellationToken) : PrintAsync(render(answer), cancellationToken));
        return ClientExitCodes.Ok;
    }

    public Task ErrorAsync(string message, CancellationToken cancellationToken) =>
        Error.WriteLineAsync($"levity: {message}".AsMemory(), cancellationToken);
}
