using System.Text;

namespace FakeAws.Engine.Lambda.Code;

/// <summary>
/// The log of one invocation (or one environment's init), as CloudWatch Logs would receive it. Writes
/// that arrive after the invocation ended (a handler still running after its timeout) are dropped.
/// </summary>
internal sealed class LambdaLog
{
    private readonly StringBuilder _text = new();
    private bool _closed;

    /// <summary>Appends text as it is.</summary>
    public void Write(string text)
    {
        lock (_text)
        {
            if (!_closed)
            {
                _text.Append(text);
            }
        }
    }

    /// <summary>Appends a line.</summary>
    public void WriteLine(string text) => Write(text + "\n");

    /// <summary>Ends the log: later writes are dropped.</summary>
    public string Close()
    {
        lock (_text)
        {
            _closed = true;
            return _text.ToString();
        }
    }

    /// <summary>The whole log so far.</summary>
    public override string ToString()
    {
        lock (_text) return _text.ToString();
    }

    /// <summary>The last <paramref name="maxBytes"/> bytes of <paramref name="log"/> in UTF-8, base64-encoded, as <c>LogType: Tail</c> returns them.</summary>
    public static string Tail(string log, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(log);
        var start = Math.Max(0, bytes.Length - maxBytes);
        return Convert.ToBase64String(bytes, start, bytes.Length - start);
    }
}
