namespace Levity.Client;

/// <summary>Where the operator API is and how to talk to it, as given on the command line.</summary>
internal sealed record ApiConnection(Uri BaseUrl, string? Token, TimeSpan Timeout, bool Json);
