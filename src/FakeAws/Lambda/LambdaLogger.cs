using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda;

/// <summary>
/// The logger of an invocation. It has the members of <c>Amazon.Lambda.Core.ILambdaLogger</c>; lines
/// logged at a level are written as the .NET runtime writes them: time, request id, level, message.
/// </summary>
public sealed partial class LambdaLogger
{
    private readonly LambdaLog _log;
    private readonly string _requestId;
    private readonly TimeProvider _clock;

    internal LambdaLogger(LambdaLog log, string requestId, TimeProvider clock)
    {
        _log = log;
        _requestId = requestId;
        _clock = clock;
    }

    /// <summary>Writes text as it is.</summary>
    public void Log(string message) => _log.Write(message);

    /// <summary>Writes a line.</summary>
    public void LogLine(string message) => _log.WriteLine(message);

    /// <summary>Writes a line at a level (<c>Information</c>, <c>Error</c>, ...).</summary>
    public void Log(string level, string message) => Write(level, Format(message, []), null);

    /// <summary>Writes a line at a level, filling the message template's placeholders in order.</summary>
    public void Log(string level, string message, params object[] args) => Write(level, Format(message, args), null);

    /// <summary>Writes a line at a level with an exception.</summary>
    public void Log(string level, Exception exception, string message, params object[] args) => Write(level, Format(message, args), exception);

    /// <summary>Writes a Trace line.</summary>
    public void LogTrace(string message, params object[] args) => Log("Trace", message, args);

    /// <summary>Writes a Debug line.</summary>
    public void LogDebug(string message, params object[] args) => Log("Debug", message, args);

    /// <summary>Writes an Information line.</summary>
    public void LogInformation(string message, params object[] args) => Log("Information", message, args);

    /// <summary>Writes a Warning line.</summary>
    public void LogWarning(string message, params object[] args) => Log("Warning", message, args);

    /// <summary>Writes an Error line.</summary>
    public void LogError(string message, params object[] args) => Log("Error", message, args);

    /// <summary>Writes a Critical line.</summary>
    public void LogCritical(string message, params object[] args) => Log("Critical", message, args);

    /// <summary>Writes a Warning line with an exception.</summary>
    public void LogWarning(Exception exception, string message, params object[] args) => Log("Warning", exception, message, args);

    /// <summary>Writes an Error line with an exception.</summary>
    public void LogError(Exception exception, string message, params object[] args) => Log("Error", exception, message, args);

    /// <summary>Writes a Critical line with an exception.</summary>
    public void LogCritical(Exception exception, string message, params object[] args) => Log("Critical", exception, message, args);

    private void Write(string level, string message, Exception? exception)
    {
        var line = new StringBuilder()
            .Append(_clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\t')
            .Append(_requestId).Append('\t')
            .Append(Abbreviation(level)).Append('\t')
            .Append(message);
        if (exception is not null)
        {
            line.Append('\n').Append(exception);
        }
        _log.WriteLine(line.ToString());
    }

    /// <summary>The .NET runtime's level names in text logs.</summary>
    private static string Abbreviation(string level) => level switch
    {
        "Trace" => "trce",
        "Debug" => "dbug",
        "Information" => "info",
        "Warning" => "warn",
        "Error" => "fail",
        "Critical" => "crit",
        _ => level.ToLowerInvariant(),
    };

    /// <summary>Fills <c>{Name}</c> placeholders with the arguments, in order.</summary>
    private static string Format(string template, object[] args)
    {
        var next = 0;
        return args.Length == 0 ? template : Placeholder().Replace(template, m => next < args.Length ? Convert.ToString(args[next++], CultureInfo.InvariantCulture) ?? "" : m.Value);
    }

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();
}
