using System.Globalization;
using System.Security.Cryptography;

namespace Levity.Ocpp.Calls;

/// <summary>
/// Message ids for one connection's CALLs: a random prefix (so ids differ across reconnects and
/// server restarts) and a counter, e.g. <c>3f9a1c07-42</c>; at most 29 characters.
/// </summary>
public sealed class OcppMessageIdGenerator
{
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private long _counter;

    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{Interlocked.Increment(ref _counter)}");
}
