namespace FakeAws.Server;

/// <summary>The command line of the server.</summary>
internal sealed record ServerSettings(string Host, int Port, string Region, string AccountId)
{
    /// <summary>Reads <c>--host</c>, <c>--port</c>, <c>--region</c> and <c>--account</c>; the host is loopback unless told otherwise.</summary>
    public static ServerSettings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        return new ServerSettings(
            Value("--host", "127.0.0.1"),
            int.Parse(Value("--port", "4566"), System.Globalization.CultureInfo.InvariantCulture),
            Value("--region", "us-east-1"),
            Value("--account", "123456789012"));
    }
}
