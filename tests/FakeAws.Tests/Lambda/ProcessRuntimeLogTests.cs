using System.Text;

namespace FakeAws.Tests.Lambda;

/// <summary>
/// LogType Tail of python and node functions holds everything the handler printed, its last lines
/// included: FakeAws's runtime clients end each request's output with a mark that the invoke waits for
/// (issue #17). Each case invokes ten times in a row, so a race would show.
/// </summary>
public class ProcessRuntimeLogTests : LambdaTestBase
{
    private const int Invokes = 10;

    private const string PythonHandler = """
        import sys

        def handler(event, context):
            for i in range(50):
                print("line", i)
            print("to stderr", event["n"], file=sys.stderr)
            if event.get("fail"):
                print("failing", event["n"])
                raise ValueError("bad")
            print("last", event["n"])
            return event["n"]
        """;

    private const string NodeHandler = """
        exports.handler = async (event) => {
          for (let i = 0; i < 50; i++) console.log("line", i);
          console.error("to stderr", event.n);
          if (event.fail) {
            console.log("failing", event.n);
            throw new Error("bad");
          }
          console.log("last", event.n);
          return event.n;
        };
        """;

    [TestCase("python3.12", "app.py", PythonHandler, "app.handler")]
    [TestCase("nodejs20.x", "index.js", NodeHandler, "index.handler")]
    public async Task Tail_HoldsTheHandlersLastLines_OnBothStreams(string runtime, string file, string code, string handler)
    {
        await Wire.CreateFunction("fn", handler, runtime: runtime, zip: ProcessRuntimeTests.Zip((file, code)));

        for (var n = 0; n < Invokes; n++)
        {
            var reply = await Wire.Invoke("fn", $$"""{"n":{{n}}}""", tail: true);

            var tail = Encoding.UTF8.GetString(Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!));
            Assert.Multiple(() =>
            {
                Assert.That(reply.Text, Is.EqualTo(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), reply.ToString());
                Assert.That(tail, Does.Contain($"last {n}\n"), $"invoke {n}");
                Assert.That(tail, Does.Contain($"to stderr {n}\n"), $"invoke {n}");
                Assert.That(tail, Does.Not.Contain("FAKEAWS"), "the end marks are never logged");
                Assert.That(tail.IndexOf($"last {n}\n", StringComparison.Ordinal), Is.LessThan(tail.IndexOf("END RequestId:", StringComparison.Ordinal)));
            });
        }
    }

    [TestCase("python3.12", "app.py", PythonHandler, "app.handler")]
    [TestCase("nodejs20.x", "index.js", NodeHandler, "index.handler")]
    public async Task Tail_OfAFunctionError_HoldsTheLinesBeforeIt(string runtime, string file, string code, string handler)
    {
        await Wire.CreateFunction("fn", handler, runtime: runtime, zip: ProcessRuntimeTests.Zip((file, code)));

        for (var n = 0; n < Invokes; n++)
        {
            var reply = await Wire.Invoke("fn", $$"""{"n":{{n}},"fail":true}""", tail: true);

            var tail = Encoding.UTF8.GetString(Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!));
            Assert.Multiple(() =>
            {
                Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
                Assert.That(tail, Does.Contain($"failing {n}\n"), $"invoke {n}");
                Assert.That(tail, Does.Contain($"to stderr {n}\n"), $"invoke {n}");
                Assert.That(tail, Does.Not.Contain("FAKEAWS"));
            });
        }
    }
}
