namespace Levity.Client;

/// <summary>An argument the parser accepted but the command cannot use (bad JSON, bad date); exit 2.</summary>
internal sealed class ClientUsageException(string message) : Exception(message);
