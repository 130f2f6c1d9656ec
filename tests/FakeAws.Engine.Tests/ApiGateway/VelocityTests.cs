using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Velocity;

namespace FakeAws.Engine.Tests.ApiGateway;

/// <summary>The Velocity subset API Gateway's mapping templates use, rendered by <see cref="VtlEvaluator"/>.</summary>
public class VelocityTests
{
    private static string Render(string template, params (string Name, object? Value)[] variables) =>
        VtlEvaluator.Render(template, variables.ToDictionary(v => v.Name, v => v.Value));

    private static object? Json(string text) => VtlJson.ToValue(JsonNode.Parse(text));

    [Test]
    public void Text_WithoutReferences_Unchanged() =>
        Assert.That(Render("{\"a\": 1} # not a directive, $ alone, 5$"), Is.EqualTo("{\"a\": 1} # not a directive, $ alone, 5$"));

    [Test]
    public void References_PropertiesIndexesAndBraces() =>
        Assert.That(
            Render("$a.b.c|${a.b.c}x|$a.list[1]|$a.list.get(0)|$a.b.missing|$!nothing|$nothing.", ("a", Json("""{"b":{"c":"C"},"list":[1,2]}"""))),
            Is.EqualTo("C|Cx|2|1|||."));

    [Test]
    public void Set_IfElseifElse()
    {
        const string template = """
            #set($n = 5)
            #if($n > 10)big#elseif($n >= 5 && $n != 7)mid#else small#end
            #if(!$missing)none#end
            """;
        Assert.That(Render(template), Is.EqualTo("midnone"), "#end takes its line break");
    }

    [Test]
    public void Set_NullLeavesTheVariable() =>
        Assert.That(Render("#set($a = 'x')#set($a = $missing)$a"), Is.EqualTo("x"));

    [Test]
    public void Set_MapEntryAndWordOperators() =>
        Assert.That(Render("#set($m = {})#set($m.k = 'v')#set($m['j'] = 2)$m #if($m.j eq 2 and not false)yes#end", ("x", null)), Is.EqualTo("{k=v, j=2} yes"));

    [Test]
    public void Foreach_HasNextIndexCountAndVelocityCount() =>
        Assert.That(
            Render("#foreach($x in $list)$foreach.index:$foreach.count:$velocityCount=$x#if($foreach.hasNext),#end#end", ("list", Json("""["a","b","c"]"""))),
            Is.EqualTo("0:1:1=a,1:2:2=b,2:3:3=c"));

    [Test]
    public void Foreach_RangesMapValuesKeySetAndBreak() =>
        Assert.That(
            Render("#foreach($i in [1..3])$i#end|#foreach($i in [2..0])$i#end|#foreach($v in $m)$v#end|#foreach($k in $m.keySet())$k#end|#foreach($i in [1..9])#if($i == 3)#break#end$i#end",
                ("m", Json("""{"a":1,"b":2}"""))),
            Is.EqualTo("123|210|12|ab|12"));

    [Test]
    public void Comments_LineAndBlock() =>
        Assert.That(Render("a## line comment\nb#* block\ncomment *#c"), Is.EqualTo("abc"));

    [Test]
    public void Directives_TakeTheirLineBreak_SetTakesItsIndentation() =>
        Assert.That(Render("[\n    #set($a = 1)\n#if(true)\n  x$a\n#end\n]"), Is.EqualTo("[\n  x1\n]"));

    [Test]
    public void StringMethods_AsJava() =>
        Assert.That(
            Render("$s.length() $s.toUpperCase() $s.substring(1, 3) $s.contains('ll') $s.replace('l', 'L') $s.split(',').size() $s.indexOf('o') $s.isEmpty() ${s.trim()}",
                ("s", "hello,world")),
            Is.EqualTo("11 HELLO,WORLD el true heLLo,worLd 2 4 false hello,world"));

    [Test]
    public void CollectionMethods_AddPutSizeContains() =>
        Assert.That(
            Render("#set($l = [])#set($d = $l.add('a'))$l.add('b') $l.size() $l.contains('a') #set($m = {'k': 1})$m.put('j', 2) $m.containsKey('j') $m.size() $m.isEmpty() $l"),
            Is.EqualTo("true 2 true  true 2 false [a, b]"));

    [Test]
    public void Values_RenderAsJavaDoes() =>
        Assert.That(
            Render("$v.n $v.d $v.big $v.t $v.list $v.obj $v.nil", ("v", Json("""{"n":3,"d":1.5,"big":10.0,"t":true,"list":[1,"a"],"obj":{"x":{"y":1}},"nil":null}"""))),
            Is.EqualTo("3 1.5 10.0 true [1, a] {x={y=1}} "));

    [Test]
    public void Arithmetic_IntegersStayIntegers() =>
        Assert.That(Render("#set($a = 7)$a #set($b = $a / 2)$b #set($c = $a * 1.5)$c #set($d = $a % 4 - -1)$d #set($s = 'n' + $a)$s"), Is.EqualTo("7 3 10.5 4 n7"));

    [Test]
    public void StringLiterals_DoubleQuotedInterpolate_SingleQuotedDoNot() =>
        Assert.That(Render("#set($n = 'x')#set($a = \"v=$n\")#set($b = 'v=$n')$a $b"), Is.EqualTo("v=x v=$n"));

    [Test]
    public void EscapedReference_WrittenAsText() =>
        Assert.That(Render("\\$a \\$missing", ("a", "A")), Is.EqualTo("$a \\$missing"));

    [Test]
    public void UnparsedBlock_Verbatim() =>
        Assert.That(Render("#[[$a #if]]#", ("a", "A")), Is.EqualTo("$a #if"));

    [TestCase("#if($a)x")]
    [TestCase("#foreach($a $b)#end")]
    [TestCase("#set($a = )")]
    [TestCase("#end")]
    [TestCase("#set($a = 'unclosed)")]
    public void Malformed_Throws(string template) =>
        Assert.That(() => Render(template), Throws.TypeOf<VtlException>());

    [Test]
    public void EscapeJavaScript_AsCommonsLang() =>
        Assert.That(VtlValues.EscapeJavaScript("it's \"a\"/\\\n\té"), Is.EqualTo("it\\'s \\\"a\\\"\\/\\\\\\n\\t\\u00E9"));
}
