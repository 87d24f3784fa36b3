using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Levity.Tests.Audit.Support;

/// <summary>Routes the server's logs of one category to a <see cref="SignalingLogger{T}"/> a test can wait on.</summary>
internal sealed class SignalingLoggerProvider<T> : ILoggerProvider
{
    public SignalingLogger<T> Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(T).FullName ? Logger : NullLogger.Instance;

    public void Dispose()
    {
    }
}
