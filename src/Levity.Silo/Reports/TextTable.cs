using System.Text;

namespace Levity.Silo.Reports;

/// <summary>A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned.</summary>
internal sealed class TextTable(params (string Header, bool RightAligned)[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var widths = columns.Select((c, i) => _rows.Select(r => Clean(r[i]).Length).Append(c.Header.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, columns.Select(c => c.Header).ToArray(), widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    private void Line(StringBuilder text, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => columns[i].RightAligned ? Clean(cell).PadLeft(widths[i]) : Clean(cell).PadRight(widths[i]));
        text.AppendLine(string.Join("  ", padded).TrimEnd());
    }

    // A label may hold a newline or tab; in a terminal table it would break the layout.
    private static string Clean(string cell) => cell.ReplaceLineEndings(" ").Replace('\t', ' ');
}
