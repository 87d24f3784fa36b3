using System.Globalization;

namespace Levity.Silo.Configuration;

/// <summary>A "host:port" endpoint as given on the command line (IPv6 as [::1]:24224).</summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static bool TryParse(string? value, out HostPort endpoint)
    {
        endpoint = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            return false;
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) && !value.StartsWith('['))
        {
            return false;
        }

        if (!int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        endpoint = new HostPort(host, port);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
