using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>python3.x, nodejs*.x and provided.al2023 functions run their own package in a local process over the Runtime API.</summary>
public class ProcessRuntimeTests : LambdaTestBase
{
    public static byte[] Zip(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create))
        {
            foreach (var (path, text) in files)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    [Test]
    public async Task Python_ImportsAModuleFromALayer_AndReadsItsEnvironment()
    {
        var layer = await Wire.Post("/2018-10-31/layers/greeting/versions", new
        {
            Content = new { ZipFile = Zip(("python/greeting.py", "def greet(name):\n    return 'hello ' + name\n")) },
            CompatibleRuntimes = new[] { "python3.12" },
        });
        var code = Zip(("app.py", """
            import os
            import greeting

            calls = 0

            def handler(event, context):
                global calls
                calls += 1
                print("handling", event["name"])
                return {
                    "greeting": greeting.greet(event["name"]),
                    "region": os.environ["AWS_REGION"],
                    "function": os.environ["AWS_LAMBDA_FUNCTION_NAME"],
                    "memory": os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"],
                    "handler": os.environ["_HANDLER"],
                    "custom": os.environ["STAGE"],
                    "taskRoot": os.environ["LAMBDA_TASK_ROOT"] == os.getcwd(),
                    "requestId": context.aws_request_id,
                    "remaining": context.get_remaining_time_in_millis() > 0,
                    "calls": calls,
                }
            """));
        var created = await Wire.CreateFunction("py", "app.handler", new
        {
            Layers = new[] { layer.Json.GetProperty("LayerVersionArn").GetString() },
            Environment = new { Variables = new { STAGE = "test" } },
            MemorySize = 256,
        }, runtime: "python3.12", zip: code);
        Assert.That((int)created.Status, Is.EqualTo(201), created.Text);

        var first = await Wire.Invoke("py", """{"name":"ada"}""", tail: true);
        var second = await Wire.Invoke("py", """{"name":"bob"}""");

        var result = first.Json;
        Assert.Multiple(() =>
        {
            Assert.That(first.Header("X-Amz-Function-Error"), Is.Null, first.Text);
            Assert.That(result.GetProperty("greeting").GetString(), Is.EqualTo("hello ada"));
            Assert.That(result.GetProperty("region").GetString(), Is.EqualTo("us-east-1"));
            Assert.That(result.GetProperty("function").GetString(), Is.EqualTo("py"));
            Assert.That(result.GetProperty("memory").GetString(), Is.EqualTo("256"));
            Assert.That(result.GetProperty("handler").GetString(), Is.EqualTo("app.handler"));
            Assert.That(result.GetProperty("custom").GetString(), Is.EqualTo("test"));
            Assert.That(result.GetProperty("taskRoot").GetBoolean(), Is.True);
            Assert.That(result.GetProperty("requestId").GetString(), Is.EqualTo(first.Header("x-amzn-RequestId")));
            Assert.That(result.GetProperty("remaining").GetBoolean(), Is.True);
            Assert.That(second.Json.GetProperty("calls").GetInt32(), Is.EqualTo(2), "the warm environment is reused");
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(first.Header("X-Amz-Log-Result")!)), Does.Contain("handling ada"));
        });
    }

    [Test]
    public async Task Python_Exception_IsTheFunctionErrorAsThePythonRuntimeReportsIt()
    {
        await Wire.CreateFunction("py", "app.handler", runtime: "python3.12", zip: Zip(("app.py", "def handler(event, context):\n    raise ValueError('bad input')\n")));

        var reply = await Wire.Invoke("py");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("ValueError"));
            Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("bad input"));
            Assert.That(reply.Json.GetProperty("stackTrace").GetArrayLength(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Python_MissingHandler_HandlerNotFound()
    {
        await Wire.CreateFunction("py", "app.nope", runtime: "python3.12", zip: Zip(("app.py", "def handler(event, context):\n    return 1\n")));

        var reply = await Wire.Invoke("py");

        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.HandlerNotFound"));
        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("Handler 'nope' missing on module 'app'"));
    }

    [Test]
    public async Task Node_AsyncHandler_ReadsItsLayerAndContext()
    {
        var layer = await Wire.Post("/2018-10-31/layers/shout/versions", new
        {
            Content = new { ZipFile = Zip(("nodejs/node_modules/shout/index.js", "module.exports = (s) => s.toUpperCase();")) },
        });
        var code = Zip(("index.js", """
            const shout = require("shout");
            exports.handler = async (event, context) => ({ said: shout(event.word), fn: context.functionName, region: process.env.AWS_REGION });
            """));
        await Wire.CreateFunction("node", "index.handler", new { Layers = new[] { layer.Json.GetProperty("LayerVersionArn").GetString() } }, runtime: "nodejs20.x", zip: code);

        var reply = await Wire.Invoke("node", """{"word":"hi"}""");

        Assert.That(reply.Header("X-Amz-Function-Error"), Is.Null, reply.Text);
        Assert.That(reply.Json.GetProperty("said").GetString(), Is.EqualTo("HI"));
        Assert.That(reply.Json.GetProperty("fn").GetString(), Is.EqualTo("node"));
        Assert.That(reply.Json.GetProperty("region").GetString(), Is.EqualTo("us-east-1"));
    }

    [Test]
    public async Task Node_ThrownError_ErrorTypeAndMessage()
    {
        await Wire.CreateFunction("node", "index.handler", runtime: "nodejs20.x",
            zip: Zip(("index.js", "exports.handler = async () => { throw new TypeError('nope'); };")));

        var reply = await Wire.Invoke("node");

        Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("TypeError"));
        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("nope"));
    }

    [Test]
    public async Task ProvidedRuntime_RunsTheBootstrap()
    {
        var bootstrap = """
            #!/bin/bash
            set -euo pipefail
            API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
            while true; do
              HEADERS="$(mktemp)"
              EVENT=$(curl -sS -D "$HEADERS" "$API/invocation/next")
              ID=$(grep -i Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
              curl -sS -X POST "$API/invocation/$ID/response" -d "{\"echo\":$EVENT,\"handler\":\"$_HANDLER\"}" > /dev/null
            done
            """;
        await Wire.CreateFunction("custom", "function.handler", runtime: "provided.al2023", zip: Zip(("bootstrap", bootstrap.Replace("\r\n", "\n", StringComparison.Ordinal))));

        var reply = await Wire.Invoke("custom", """{"a":1}""");

        Assert.That(reply.Text, Is.EqualTo("""{"echo":{"a":1},"handler":"function.handler"}"""));
    }

    [Test]
    public async Task Timeout_OnTheCloudsClock_StopsTheProcess()
    {
        await Wire.CreateFunction("py", "app.handler", new { Timeout = 1 }, runtime: "python3.12",
            zip: Zip(("app.py", "import time\ndef handler(event, context):\n    time.sleep(60)\n")));

        // The process sleeps in wall time; the test moves the cloud's clock past the timeout meanwhile.
        var invoke = Wire.Invoke("py");
        while (!invoke.IsCompleted)
        {
            Aws.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(invoke, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));
        }
        var reply = await invoke;

        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("Sandbox.Timedout"));
    }
}

/// <summary>Without the interpreter a runtime needs, CreateFunction works and Invoke fails naming what is missing.</summary>
[NonParallelizable] // It empties the process's PATH for a moment.
public class MissingInterpreterTests : LambdaTestBase
{
    [Test]
    public async Task NoPython_CreateWorks_InvokeNamesTheMissingInterpreter()
    {
        var created = await Wire.CreateFunction("py", "app.handler", runtime: "python3.12", zip: ProcessRuntimeTests.Zip(("app.py", "def handler(e, c):\n    return 1\n")));
        var path = Environment.GetEnvironmentVariable("PATH");
        WireReply reply;
        try
        {
            Environment.SetEnvironmentVariable("PATH", "");
            reply = await Wire.Invoke("py");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.That((int)created.Status, Is.EqualTo(201));
        Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.Unavailable"));
        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Does.Contain("'python3' interpreter"));
    }
}
