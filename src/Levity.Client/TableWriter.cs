using System.Text;

namespace Levity.Client;

/// <summary>
/// Fixed columns, padded to the widest cell, two spaces apart; numeric columns right-aligned so
/// digits line up. An empty cell prints as "-" so columns stay readable with awk/cut.
/// </summary>
internal sealed class TableWriter
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _right = [];

    public TableWriter(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
    }

    public bool ShowHeader { get; init; } = true;

    public int Count => _rows.Count;

    public TableWriter AlignRight(params int[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _right.UnionWith(columns);
        return this;
    }

    public void Add(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c.ReplaceLineEndings(" "))]);
    }

    public void WriteTo(StringBuilder text, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var widths = new int[_headers.Length];
        foreach (var row in ShowHeader ? _rows.Prepend(_headers) : _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        if (ShowHeader)
        {
            WriteRow(text, indent, _headers, widths);
        }

        foreach (var row in _rows)
        {
            WriteRow(text, indent, row, widths);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        WriteTo(text);
        return text.ToString();
    }

    private void WriteRow(StringBuilder text, string indent, string[] row, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            var last = i == row.Length - 1;
            line.Append(_right.Contains(i) ? row[i].PadLeft(widths[i]) : last ? row[i] : row[i].PadRight(widths[i]));
        }

        text.Append(line.ToString().TrimEnd()).AppendLine();
    }
}
