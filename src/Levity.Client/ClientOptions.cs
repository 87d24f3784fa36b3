using System.CommandLine;
using System.Globalization;

namespace Levity.Client;

/// <summary>
/// --url, --api-token, --timeout and --json: one set per command group, recursive so they may be
/// given before or after the subcommand (<c>levity cp --json list</c>, <c>levity cp list --json</c>).
/// </summary>
internal sealed class ClientOptions
{
    public const string UrlVariable = "LEVITY_API_URL";
    public const string TokenVariable = "LEVITY_API_TOKEN";
    public const string DefaultUrl = "http://127.0.0.1:9001";

    // Longer than the server's default --response-timeout (30 s), so a charger that does not answer
    // shows up as the server's 504 rather than as our own timeout.
    public const double DefaultTimeoutSeconds = 60;

    private readonly Option<string> _url = new("--url")
    {
        Description = $"Base URL of the server's operator API; ${UrlVariable} when not given, else {DefaultUrl}",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : DefaultUrl,
        Recursive = true,
    };

    private readonly Option<string?> _token = new("--api-token")
    {
        // No DefaultValueFactory: help prints defaults, and a token must not end up on screen.
        Description = $"Bearer token of the operator API; ${TokenVariable} when not given",
        Recursive = true,
    };

    private readonly Option<double> _timeout = new("--timeout")
    {
        Description = "Seconds to wait for the server's answer",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
        CustomParser = ParseTimeout,
        Recursive = true,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the server's JSON answer (indented) instead of tables",
        Recursive = true,
    };

    public ClientOptions()
    {
        _url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--url must be an absolute http:// or https:// URL, not '{value}'.");
            }
        });
    }

    private static double ParseTimeout(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= int.MaxValue / 1000)
        {
            return seconds;
        }

        result.AddError($"--timeout must be a positive number of seconds, not '{text}'.");
        return DefaultTimeoutSeconds;
    }

    public void AddTo(Command group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.Options.Add(_url);
        group.Options.Add(_token);
        group.Options.Add(_timeout);
        group.Options.Add(_json);
    }

    public ApiConnection Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A bad $LEVITY_API_URL passes the validator (it only sees given values), so check again here.
        var url = result.GetValue(_url) ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ClientUsageException($"the API URL must be an absolute http:// or https:// URL, not '{url}' (from --url or ${UrlVariable}).");
        }

        return new ApiConnection(baseUrl, result.GetValue(_token) ?? Environment.GetEnvironmentVariable(TokenVariable), TimeSpan.FromSeconds(result.GetValue(_timeout)), result.GetValue(_json));
    }
}
