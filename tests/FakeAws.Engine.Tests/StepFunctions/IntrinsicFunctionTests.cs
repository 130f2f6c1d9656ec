using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Intrinsics;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.Tests.StepFunctions;

public class IntrinsicFunctionTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""
        {"name": "Arnav", "tpl": "Hi {}", "arr": [1, 2, 2, 3, {"a": 1}, {"a": 1}], "obj": {"a": 1, "b": [1, 2]},
         "json": "{\"foo\": \"bar\"}", "text": "a,b;;c", "n": 5, "f": 1.5, "str": "input data"}
        """)!;

    private static string Run(string call, int seed = 1)
    {
        var context = new IntrinsicContext(p => p.Select(Input), new Random(seed), () => new Guid("11111111-2222-4333-8444-555555555555"));
        return JsonValues.Serialize(IntrinsicCall.Parse(call).Evaluate(context));
    }

    [TestCase("States.Format('Hello, my name is {}.', $.name)", "\"Hello, my name is Arnav.\"")]
    [TestCase("States.Format($.tpl, $.name)", "\"Hi Arnav\"")]
    [TestCase("States.Format('{} and {}', $.obj, $.arr)", "\"{a=1, b=[1, 2]} and [1, 2, 2, 3, {a=1}, {a=1}]\"")]
    [TestCase("States.Format('\\{literal\\} {}', null)", "\"{literal} null\"")]
    [TestCase("States.Format('n={} f={}', $.n, $.f)", "\"n=5 f=1.5\"")]
    [TestCase("States.StringToJson($.json)", "{\"foo\":\"bar\"}")]
    [TestCase("States.JsonToString($.obj)", "\"{\\\"a\\\":1,\\\"b\\\":[1,2]}\"")]
    [TestCase("States.Array('a', 1, true, null, $.n)", "[\"a\",1,true,null,5]")]
    [TestCase("States.Array()", "[]")]
    [TestCase("States.ArrayPartition(States.Array(1, 2, 3, 4, 5), 2)", "[[1,2],[3,4],[5]]")]
    [TestCase("States.ArrayContains($.arr, 3)", "true")]
    [TestCase("States.ArrayContains($.arr, {\"a\": 1})", null)]
    [TestCase("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [TestCase("States.ArrayRange(5, 1, -2)", "[5,3,1]")]
    [TestCase("States.ArrayGetItem($.arr, 4)", "{\"a\":1}")]
    [TestCase("States.ArrayLength($.arr)", "6")]
    [TestCase("States.ArrayUnique($.arr)", "[1,2,3,{\"a\":1}]")]
    [TestCase("States.Base64Encode('Data to encode')", "\"RGF0YSB0byBlbmNvZGU=\"")]
    [TestCase("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "\"Data to encode\"")]
    [TestCase("States.Hash($.str, 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [TestCase("States.Hash($.str, 'SHA-1')", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"")]
    [TestCase("States.JsonMerge($.obj, States.StringToJson('{\"b\": 3, \"c\": 4}'), false)", "{\"a\":1,\"b\":3,\"c\":4}")]
    [TestCase("States.MathAdd($.n, -1)", "4")]
    [TestCase("States.MathAdd($.f, 1)", "3")]
    [TestCase("States.StringSplit($.text, ',;')", "[\"a\",\"b\",\"c\"]")]
    [TestCase("States.UUID()", "\"11111111-2222-4333-8444-555555555555\"")]
    // Escapes inside intrinsic string literals: \' \\ \{ \} are the escaped characters, and a
    // control character the definition's JSON decoded (a newline) is kept as it is.
    [TestCase("States.StringSplit('Hello\nWorld', '\n')", "[\"Hello\",\"World\"]")]
    [TestCase("States.Format('it\\'s {} \\\\ \\{x\\}', 'ok')", "\"it's ok \\\\ {x}\"")]
    public void Evaluate_ValidArguments_ReturnsAwsResult(string call, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<FormatException>(() => Run(call));
            return;
        }
        Assert.That(Run(call), Is.EqualTo(expected));
    }

    // AWS rounds each operand with halves going up before adding (recorded in LocalStack's
    // AWS-validated test_math_add snapshot).
    [TestCase("-9", "3", "-6")]
    [TestCase("1.49", "1.50", "3")]
    [TestCase("1.50", "1.51", "4")]
    [TestCase("-1.49", "-1.50", "-2")]
    [TestCase("-1.50", "-1.51", "-3")]
    [TestCase("1.49", "-1.49", "0")]
    [TestCase("0.5", "0", "1")]
    [TestCase("2.5", "0", "3")]
    [TestCase("-0.5", "0.5", "1")]
    [TestCase("-0.5", "0", "0")]
    [TestCase("-2.5", "0", "-2")]
    [TestCase("-3.5", "0", "-3")]
    public void MathAdd_NonIntegerOperands_AreEachRoundedHalfUp(string first, string second, string expected)
    {
        Assert.That(Run($"States.MathAdd({first}, {second})"), Is.EqualTo(expected));
    }

    [Test]
    public void MathRandom_NonIntegerBounds_AreRounded()
    {
        Assert.That(Run("States.MathRandom(1.5, 2.5)"), Is.EqualTo("2"));
    }

    [Test]
    public void MathRandom_WithSeed_IsTheSameEveryTimeAndInRange()
    {
        var first = int.Parse(Run("States.MathRandom(0, 1000, 42)"));
        Assert.That(Run("States.MathRandom(0, 1000, 42)", seed: 99), Is.EqualTo(first.ToString()));
        Assert.That(first, Is.InRange(0, 999));
    }

    [Test]
    public void MathRandom_WithoutSeed_UsesTheExecutionsGenerator()
    {
        var first = Run("States.MathRandom(0, 1000000)", seed: 3);
        Assert.That(Run("States.MathRandom(0, 1000000)", seed: 3), Is.EqualTo(first));
        Assert.That(int.Parse(Run("States.MathRandom(10, 12)")), Is.InRange(10, 11));
    }

    [TestCase("States.Format('{} {}', $.n)", "does not match the number of placeholders")]
    [TestCase("States.Format($.n)", "must be a string")]
    [TestCase("States.StringToJson($.name)", "is not valid JSON")]
    [TestCase("States.ArrayPartition($.arr, 0)", "must be a positive integer")]
    [TestCase("States.ArrayPartition($.obj, 2)", "must be an array")]
    [TestCase("States.ArrayRange(1, 2, 0)", "must not be 0")]
    [TestCase("States.ArrayRange(0, 5000, 1)", "more than 1000 items")]
    [TestCase("States.ArrayRange(1.5, 3, 1)", "must be an integer")]
    [TestCase("States.ArrayGetItem($.arr, 6)", "out of bounds")]
    [TestCase("States.Base64Decode('***')", "not valid base64")]
    [TestCase("States.Hash($.str, 'SHA-999')", "is not supported")]
    [TestCase("States.JsonMerge($.obj, $.obj, true)", "shallow merge")]
    [TestCase("States.JsonMerge($.arr, $.obj, false)", "must be an object")]
    [TestCase("States.MathRandom(5, 5)", "must be less than")]
    [TestCase("States.MathAdd($.name, 1)", "must be a number")]
    [TestCase("States.StringSplit($.n, ',')", "must be a string")]
    public void Evaluate_BadArguments_ThrowsIntrinsicException(string call, string message)
    {
        var e = Assert.Throws<IntrinsicException>(() => Run(call));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void Base64Encode_LongerThan10000Characters_Fails()
    {
        var context = new IntrinsicContext(_ => JsonValue.Create(new string('a', 10_001)), new Random(1), Guid.NewGuid);
        var e = Assert.Throws<IntrinsicException>(() => IntrinsicCall.Parse("States.Base64Encode($.x)").Evaluate(context));
        Assert.That(e!.Message, Does.Contain("longer than 10000"));
    }

    [TestCase("States.Nope(1)", "is not an intrinsic function")]
    [TestCase("States.UUID(1)", "takes no arguments")]
    [TestCase("States.ArrayLength()", "takes exactly 1 argument")]
    [TestCase("States.MathRandom(1)", "takes 2 to 3 arguments")]
    [TestCase("States.Format()", "takes at least 1 argument")]
    [TestCase("States.Format('x'", "expected ')'")]
    public void Parse_BadCall_ThrowsFormatException(string call, string message)
    {
        var e = Assert.Throws<FormatException>(() => IntrinsicCall.Parse(call));
        Assert.That(e!.Message, Does.Contain(message));
    }
}
