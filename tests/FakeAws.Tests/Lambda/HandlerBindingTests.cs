using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;
using FakeAws.Lambda;

namespace FakeAws.Tests.Lambda;

/// <summary>In-process code: delegates of every usual shape, handler strings, the duck-typed context, serializers.</summary>
public class HandlerBindingTests : LambdaTestBase
{
    private static string Text(WireReply reply) => reply.Text;

    [Test]
    public async Task AddFunction_PocoInPocoOutWithTheAmazonContext_BindsByDuckTyping()
    {
        Aws.Lambda.AddFunction("orders", (Order order, ILambdaContext context) =>
            new Receipt(order.Id, "accepted", context.FunctionName, context.MemoryLimitInMB), o => o.MemorySize = 256);

        var reply = await Wire.Invoke("orders", "{\"id\":\"o-1\",\"amount\":12.5}");

        Assert.That(reply.Json.GetProperty("OrderId").GetString(), Is.EqualTo("o-1"));
        Assert.That(reply.Json.GetProperty("FunctionName").GetString(), Is.EqualTo("orders"));
        Assert.That(reply.Json.GetProperty("MemoryLimitInMB").GetInt32(), Is.EqualTo(256));
        Assert.That(TestAssemblySerializer.Handled.ContainsKey(typeof(Order)), Is.True, "the assembly's LambdaSerializer attribute is honoured");
    }

    [Test]
    public async Task AddFunction_AsyncHandler_AwaitsTheResult()
    {
        Aws.Lambda.AddFunction("async", async (JsonElement input) =>
        {
            await Task.Yield();
            return input.GetProperty("n").GetInt32() * 2;
        });

        Assert.That(Text(await Wire.Invoke("async", "{\"n\":21}")), Is.EqualTo("42"));
    }

    [Test]
    public async Task AddFunction_StreamInStreamOut_PassesBytesAsTheyAre()
    {
        Aws.Lambda.AddFunction("raw", (Stream input) =>
        {
            var bytes = new MemoryStream();
            input.CopyTo(bytes);
            return (Stream)new MemoryStream(Encoding.UTF8.GetBytes($"got {bytes.Length} bytes"));
        });

        Assert.That(Text(await Wire.Invoke("raw", "[1,2,3]")), Is.EqualTo("got 7 bytes"));
    }

    [Test]
    public async Task AddFunction_ValueTaskAndNoParameters_Bind()
    {
        Aws.Lambda.AddFunction("now", () => new ValueTask<string>("tick"));
        Aws.Lambda.AddFunction("nothing", (JsonElement _) => { });

        Assert.That(Text(await Wire.Invoke("now")), Is.EqualTo("\"tick\""));
        Assert.That(Text(await Wire.Invoke("nothing")), Is.Empty);
    }

    [Test]
    public async Task AddFunction_FakeAwsContext_OffersTheClock()
    {
        Aws.Lambda.AddFunction("wait", async (JsonElement _, LambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), context.Clock);
            return context.RemainingTime.TotalSeconds;
        });

        Assert.That(Text(await Wire.Invoke("wait")), Is.EqualTo("1"));
    }

    [Test]
    public void AddFunction_ThreeParameters_RefusedUpFront()
    {
        var error = Assert.Throws<ArgumentException>(() => Aws.Lambda.AddFunction("bad", (int a, int b, int c) => a + b + c));
        Assert.That(error!.Message, Does.StartWith("Handler "));
    }

    [Test]
    public async Task AddFunction_MethodLevelSerializer_WinsOverTheAssemblys()
    {
        Aws.Lambda.AddFunction("camel", [LambdaSerializer(typeof(CamelCaseSerializer))] (Order order) => new Receipt(order.Id, "ok", "x", 1));

        Assert.That(Text(await Wire.Invoke("camel", "{\"Id\":\"o-2\",\"Amount\":1}")), Does.StartWith("{\"orderId\":\"o-2\""));
    }

    [Test]
    public async Task AddFunction_PayloadNotTheInputType_JsonSerializerException()
    {
        Aws.Lambda.AddFunction("typed", [LambdaSerializer(typeof(CamelCaseSerializer))] (int number) => number);

        var reply = await Wire.Invoke("typed", "{\"x\":1}");

        Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("JsonException"));
    }

    [Test]
    public async Task HandlerString_OverTheWire_FoundByReflectionWithTheConstructorAsInit()
    {
        Aws.Lambda.RegisterHandlerAssembly(typeof(OrderFunction).Assembly);
        await Wire.CreateFunction("orders", "FakeAws.Tests::FakeAws.Tests.Lambda.OrderFunction::Handle");

        var first = await Wire.Invoke("orders", "{\"Id\":\"o-1\",\"Amount\":500}", tail: true);
        var second = await Wire.Invoke("orders", "{\"Id\":\"o-2\",\"Amount\":5}", tail: true);

        var firstLog = Encoding.UTF8.GetString(Convert.FromBase64String(first.Header("X-Amz-Log-Result")!));
        var secondLog = Encoding.UTF8.GetString(Convert.FromBase64String(second.Header("X-Amz-Log-Result")!));
        Assert.Multiple(() =>
        {
            Assert.That(first.Json.GetProperty("Status").GetString(), Is.EqualTo("review"));
            Assert.That(second.Json.GetProperty("Status").GetString(), Is.EqualTo("accepted"));
            Assert.That(firstLog, Does.Contain("INIT_START").And.Contain("\tinfo\torder o-1\n").And.Contain("\twarn\tcall 1 of instance"));
            Assert.That(secondLog, Does.Not.Contain("INIT_START").And.Contain("\twarn\tcall 2 of instance"), "the warm environment is reused");
        });
    }

    [Test]
    public async Task HandlerString_StaticStreamMethod_Binds()
    {
        Aws.Lambda.RegisterHandlerAssembly(typeof(OrderFunction).Assembly);
        await Wire.CreateFunction("shout", "FakeAws.Tests::FakeAws.Tests.Lambda.OrderFunction::ReadAsync");

        Assert.That((await Wire.Invoke("shout", "\"hi\"")).Json.GetString(), Is.EqualTo("\"HI\""));
    }

    [Test]
    public async Task HandlerString_UnknownAssembly_LambdaValidationException()
    {
        await Wire.CreateFunction("f", "Missing.Assembly::Some.Type::Handle");

        var reply = await Wire.Invoke("f");

        Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("LambdaValidationException"));
        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo(
            "Could not find the specified handler assembly with the file name 'Missing.Assembly, Culture=neutral, PublicKeyToken=null'. The assembly should be located in the root of your uploaded .zip file."));
    }

    [Test]
    public async Task HandlerString_AssemblyNotRegistered_RefusedAsAnAssemblyLambdaCannotFind()
    {
        // Loaded in the process, but never registered: a request must not reach its methods.
        await Wire.CreateFunction("exit", "System.Private.CoreLib::System.Environment::Exit");
        await Wire.CreateFunction("tests", "FakeAws.Tests::FakeAws.Tests.Lambda.OrderFunction::ReadAsync");

        var exit = await Wire.Invoke("exit", "0");
        var tests = await Wire.Invoke("tests", "\"hi\"");

        Assert.Multiple(() =>
        {
            Assert.That(exit.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(exit.Json.GetProperty("errorType").GetString(), Is.EqualTo("LambdaValidationException"));
            Assert.That(exit.Json.GetProperty("errorMessage").GetString(), Does.StartWith(
                "Could not find the specified handler assembly with the file name 'System.Private.CoreLib, Culture=neutral, PublicKeyToken=null'."));
            Assert.That(tests.Json.GetProperty("errorMessage").GetString(), Does.Contain("aws.Lambda.RegisterHandlerAssembly"));
        });
    }

    [Test]
    public async Task HandlerString_FakeAwsBeyondItsBuiltInHandlers_TypeNotFound()
    {
        await Wire.CreateFunction("cloud", "FakeAws::FakeAws.FakeAwsCloud::Dispose");

        var reply = await Wire.Invoke("cloud");

        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("Unable to load type 'FakeAws.FakeAwsCloud' from assembly 'FakeAws'."));
    }

    [Test]
    public async Task HandlerString_UnknownTypeOrMethod_WordedAsTheRuntime()
    {
        Aws.Lambda.RegisterHandlerAssembly(typeof(OrderFunction).Assembly);
        await Wire.CreateFunction("type", "FakeAws.Tests::FakeAws.Tests.Lambda.Nope::Handle");
        await Wire.CreateFunction("method", "FakeAws.Tests::FakeAws.Tests.Lambda.OrderFunction::Nope");

        Assert.That((await Wire.Invoke("type")).Json.GetProperty("errorMessage").GetString(),
            Is.EqualTo("Unable to load type 'FakeAws.Tests.Lambda.Nope' from assembly 'FakeAws.Tests'."));
        Assert.That((await Wire.Invoke("method")).Json.GetProperty("errorMessage").GetString(),
            Is.EqualTo("Found no methods matching method name 'Nope' on type 'FakeAws.Tests.Lambda.OrderFunction'."));
    }

    [Test]
    public async Task HandlerString_ConstructorThrows_InitErrorOnEveryInvokeUntilFixed()
    {
        Aws.Lambda.RegisterHandlerAssembly(typeof(OrderFunction).Assembly);
        await Wire.CreateFunction("broken", "FakeAws.Tests::FakeAws.Tests.Lambda.BrokenFunction::Handle");

        var first = await Wire.Invoke("broken", "\"x\"");
        var second = await Wire.Invoke("broken", "\"x\"");

        Assert.That(first.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("missing configuration"));
        Assert.That(second.Json.GetProperty("errorType").GetString(), Is.EqualTo("InvalidOperationException"));
    }

    [Test]
    public async Task RegisterHandler_NonDotnetHandlerString_RunsTheRegisteredCode()
    {
        Aws.Lambda.RegisterHandler("index.handler", (JsonElement input) => new { from = "registered", input });
        await Wire.CreateFunction("py", "index.handler", runtime: "python3.12");

        var reply = await Wire.Invoke("py", "{\"k\":1}");

        Assert.That(reply.Json.GetProperty("from").GetString(), Is.EqualTo("registered"));
    }

    [Test]
    public async Task NonDotnetHandler_NotRegistered_RunsThePackage_WhichLacksTheModule()
    {
        await Wire.CreateFunction("py", "app.lambda_handler", runtime: "python3.12");

        var reply = await Wire.Invoke("py");

        Assert.That(reply.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.ImportModuleError"));
        Assert.That(reply.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("Unable to import module 'app': No module named 'app'"));
    }

    [Test]
    public async Task BuiltInHandler_DefaultSerializer_KeepsPascalCaseAndReadsAnyCase()
    {
        await Wire.CreateFunction("echo", Echo);

        Assert.That(Text(await Wire.Invoke("echo", "{\"Mixed\":{\"Case\":[1,2]}}")), Is.EqualTo("{\"Mixed\":{\"Case\":[1,2]}}"));
    }

    [Test]
    public void AddFunction_Duplicate_ResourceConflict()
    {
        Aws.Lambda.AddFunction("f", () => 1);

        var error = Assert.Throws<FakeAws.Engine.Core.AwsServiceException>(() => Aws.Lambda.AddFunction("f", () => 2));
        Assert.That(error!.Code, Is.EqualTo("ResourceConflictException"));
    }

    [Test]
    public void AddFunction_OverTheLimits_SameErrorsAsTheWire()
    {
        var error = Assert.Throws<FakeAws.Engine.Core.AwsServiceException>(() => Aws.Lambda.AddFunction("f", () => 1, o => o.Timeout = 901));
        Assert.That(error!.Message, Is.EqualTo("'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"));
    }
}
