using System.Text;

namespace FakeAws.Engine.Cognito;

/// <summary>Reads a user import CSV (RFC 4180: quoted cells, doubled quotes, CRLF or LF) into rows of cells; blank lines are skipped.</summary>
internal static class CsvRows
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow(rows, row, cell);
                    row = [];
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        EndRow(rows, row, cell);
        return rows;
    }

    private static void EndRow(List<List<string>> rows, List<string> row, StringBuilder cell)
    {
        row.Add(cell.ToString());
        cell.Clear();
        if (row.Count > 1 || row[0].Length > 0)
        {
            rows.Add(row);
        }
    }
}
