namespace FakeAws.Engine.Lambda.Model;

/// <summary>The result of an operation whose model declares no output shape (its response is an empty 204).</summary>
internal sealed class NoContent
{
    public static readonly NoContent Instance = new();

    private NoContent()
    {
    }
}
