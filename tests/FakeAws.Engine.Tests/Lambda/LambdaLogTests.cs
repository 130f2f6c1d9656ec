using System.Text;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Engine.Tests.Lambda;

public class LambdaLogTests
{
    [Test]
    public void Tail_LongLog_LastBytesBase64()
    {
        var log = new string('a', 5000) + "end";

        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(LambdaLog.Tail(log, 4096)));

        Assert.That(tail, Has.Length.EqualTo(4096));
        Assert.That(tail, Does.EndWith("aend"));
    }

    [Test]
    public void Write_AfterClose_Dropped()
    {
        var log = new LambdaLog();
        log.WriteLine("kept");
        log.Close();

        log.WriteLine("late");

        Assert.That(log.ToString(), Is.EqualTo("kept\n"));
    }
}
