using System.Text;

namespace Levity.Ocpp.Validation;

/// <summary>
/// The first violation found in a payload. Allocated only on failure; the path is collected
/// while the recursive validation unwinds, so a valid payload costs no path bookkeeping.
/// </summary>
internal sealed class ValidationFailure(OcppErrorCode code, string message)
{
    private readonly List<(string? Name, int Index)> _reversedPath = [];

    public OcppErrorCode Code { get; } = code;

    public string Message { get; } = message;

    public void PushProperty(string name) => _reversedPath.Add((name, -1));

    public void PushIndex(int index) => _reversedPath.Add((null, index));

    /// <summary>The field path, e.g. <c>meterValue[0].sampledValue[1].value</c>; "payload" for the root.</summary>
    public string Path
    {
        get
        {
            if (_reversedPath.Count == 0)
            {
                return "payload";
            }

            var builder = new StringBuilder();
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                var (name, index) = _reversedPath[i];
                if (name is null)
                {
                    builder.Append('[').Append(index).Append(']');
                }
                else
                {
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(name);
                }
            }

            return builder.ToString();
        }
    }

    public OcppError ToError() => OcppError.Create(Code, $"{Path}: {Message}");
}
