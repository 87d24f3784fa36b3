using System.Text;

namespace Levity.Tests.Reports;

/// <summary>A strict RFC 4180 reader: fails on anything the RFC does not allow (a stray quote, a bare LF).</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                Assert.True(field.Length == 0, $"quote inside an unquoted field at {i}");
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i >= text.Length || text[i] is ',' or '\r', $"text after a closing quote at {i}");
                continue;
            }

            if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"CR without LF at {i}");
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                Assert.True(text[i] != '\n', $"bare LF at {i}");
                field.Append(text[i++]);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "the last record lacks its CRLF");
        return records;
    }
}
