using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.Lambda;

/// <summary>A fresh cloud on a fake clock and a wire-level Lambda client per test.</summary>
public abstract class LambdaTestBase
{
    protected static readonly DateTimeOffset Start = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected const string Echo = "FakeAws::FakeAws.Lambda.BuiltInHandlers::Echo";

    protected FakeTimeProvider Time { get; private set; } = null!;
    protected FakeAwsCloud Aws { get; private set; } = null!;
    protected LambdaWire Wire { get; private set; } = null!;

    [SetUp]
    public void CreateCloud()
    {
        Time = new FakeTimeProvider(Start);
        Aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = Time });
        Wire = new LambdaWire(Aws);
    }

    [TearDown]
    public void DisposeCloud()
    {
        Wire.Dispose();
        Aws.Dispose();
    }

    /// <summary>The ARN of a function of the default account and region.</summary>
    protected static string Arn(string function) => $"arn:aws:lambda:us-east-1:123456789012:function:{function}";

    /// <summary>Asserts an AWS error: status, X-Amzn-ErrorType and message.</summary>
    protected static void AssertError(WireReply reply, int status, string code, string message)
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());
            Assert.That(reply.ErrorType, Is.EqualTo(code), reply.ToString());
            Assert.That(reply.Message, Is.EqualTo(message), reply.ToString());
        });
    }

    protected static void AssertOk(WireReply reply, int status = 200) =>
        Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());
}
