namespace FakeAws.Tour;

/// <summary>Prints a stop's title and runs it.</summary>
internal static class Stop
{
    public static async Task Run(string title, Func<Task> stop)
    {
        Console.WriteLine($"== {title}");
        await stop();
        Console.WriteLine();
    }

    public static void Say(string line) => Console.WriteLine($"   {line}");
}
