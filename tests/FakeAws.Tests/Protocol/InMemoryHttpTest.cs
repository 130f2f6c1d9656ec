namespace FakeAws.Tests.Protocol;

/// <summary>A fresh cloud per test, and an HttpClient that reaches it in memory at its service URL.</summary>
public abstract class InMemoryHttpTest
{
    protected FakeAwsCloud Aws { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public void CreateCloud()
    {
        Aws = new FakeAwsCloud();
        Http = new HttpClient(Aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(Aws.ServiceUrl) };
    }

    [TearDown]
    public void DisposeCloud()
    {
        Http.Dispose();
        Aws.Dispose();
    }
}
