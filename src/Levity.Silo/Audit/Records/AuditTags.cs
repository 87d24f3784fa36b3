using System.Text;
using Levity.Ocpp.Actions;

namespace Levity.Silo.Audit.Records;

/// <summary>
/// The Fluentd tag of each kind of audit record, built once from the prefix (--fluentd-tag):
/// the Python Levity's names for the actions it audited (<c>ocpp.boot</c>,
/// <c>ocpp.transaction.start</c>, ...), the snake_case action name for the others
/// (<c>ocpp.data_transfer</c>, <c>ocpp.remote_start_transaction</c>), <c>ocpp.websocket</c> for
/// connection events, <c>ocpp.api</c> for operator API requests and <c>ocpp.unknown</c> for frames whose action cannot be told. Tags are
/// addressed by a small integer id so batching needs no string hashing.
/// </summary>
internal sealed class AuditTags
{
    private static readonly int ActionCount = Enum.GetValues<OcppAction>().Length;

    private readonly string[] _tags;

    public AuditTags(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _tags = new string[ActionCount + 3];
        foreach (var action in Enum.GetValues<OcppAction>())
        {
            _tags[(int)action] = $"{prefix}.{Suffix(action)}";
        }

        _tags[Unknown] = prefix + ".unknown";
        _tags[WebSocket] = prefix + ".websocket";
        _tags[Api] = prefix + ".api";
    }

    /// <summary>Tag id of frames whose action is not known (invalid frames, answers to unseen calls).</summary>
    public static int Unknown => ActionCount;

    /// <summary>Tag id of connect and disconnect records.</summary>
    public static int WebSocket => ActionCount + 1;

    /// <summary>Tag id of operator API requests.</summary>
    public static int Api => ActionCount + 2;

    public static int Count => ActionCount + 3;

    public static int ForAction(OcppAction action) => (int)action;

    public string this[int id] => _tags[id];

    private static string Suffix(OcppAction action) => action switch
    {
        OcppAction.BootNotification => "boot",
        OcppAction.StartTransaction => "transaction.start",
        OcppAction.StopTransaction => "transaction.stop",
        OcppAction.MeterValues => "meter",
        OcppAction.StatusNotification => "status",
        OcppAction.Heartbeat => "heartbeat",
        OcppAction.Authorize => "authorize",
        _ => SnakeCase(action.ToString()),
    };

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
