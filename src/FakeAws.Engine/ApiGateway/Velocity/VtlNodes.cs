namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>A piece of a parsed template: text, a reference to render, or a directive.</summary>
internal abstract record VtlNode;

/// <summary>Text written out as it is.</summary>
internal sealed record TextNode(string Text) : VtlNode;

/// <summary>
/// A reference rendered in the text, such as <c>$input.path('$.a')</c> or quiet <c>$!x</c> (which
/// API Gateway renders alike). <see cref="Escaped"/> is <c>\$x</c>: written as the
/// <see cref="Source"/> <c>$x</c> when x is defined, as <c>\$x</c> when it is not.
/// </summary>
internal sealed record ReferenceNode(VtlReference Reference, string Source, bool Escaped) : VtlNode;

/// <summary><c>#set($target = value)</c>.</summary>
internal sealed record SetNode(VtlReference Target, VtlExpression Value) : VtlNode;

/// <summary><c>#if(...) ... #elseif(...) ... #else ... #end</c>: the first branch whose condition holds, else <see cref="Else"/>.</summary>
internal sealed record IfNode(IReadOnlyList<(VtlExpression Condition, IReadOnlyList<VtlNode> Body)> Branches, IReadOnlyList<VtlNode>? Else) : VtlNode;

/// <summary><c>#foreach($variable in items) ... #end</c>.</summary>
internal sealed record ForeachNode(string Variable, VtlExpression Items, IReadOnlyList<VtlNode> Body) : VtlNode;

/// <summary><c>#break</c>: leaves the innermost <c>#foreach</c>.</summary>
internal sealed record BreakNode : VtlNode;

/// <summary><c>#stop</c>: ends rendering.</summary>
internal sealed record StopNode : VtlNode;

/// <summary>An expression inside a directive or a method's arguments.</summary>
internal abstract record VtlExpression;

/// <summary>A number, single-quoted string, boolean or null.</summary>
internal sealed record LiteralExpression(object? Value) : VtlExpression;

/// <summary>A double-quoted string: a small template of its own, rendered to a string.</summary>
internal sealed record InterpolatedExpression(IReadOnlyList<VtlNode> Parts) : VtlExpression;

/// <summary><c>[a, b]</c>.</summary>
internal sealed record ListExpression(IReadOnlyList<VtlExpression> Items) : VtlExpression;

/// <summary><c>[1..n]</c>: the integers from one end to the other, either way.</summary>
internal sealed record RangeExpression(VtlExpression From, VtlExpression To) : VtlExpression;

/// <summary><c>{"k": v}</c>.</summary>
internal sealed record MapExpression(IReadOnlyList<(VtlExpression Key, VtlExpression Value)> Entries) : VtlExpression;

/// <summary>A reference used as a value.</summary>
internal sealed record ReferenceExpression(VtlReference Reference) : VtlExpression;

/// <summary><c>!x</c> and <c>-x</c>.</summary>
internal sealed record UnaryExpression(string Operator, VtlExpression Operand) : VtlExpression;

/// <summary>Arithmetic, comparison and logic: <c>+ - * / % == != &lt; &gt; &lt;= &gt;= &amp;&amp; ||</c>.</summary>
internal sealed record BinaryExpression(string Operator, VtlExpression Left, VtlExpression Right) : VtlExpression;

/// <summary><c>$name</c> followed by property, method and index steps.</summary>
internal sealed record VtlReference(string Name, IReadOnlyList<VtlStep> Steps);

/// <summary>One step after a reference's name.</summary>
internal abstract record VtlStep;

/// <summary><c>.name</c>: a map's entry, or a getter (<c>getName()</c>, <c>isName()</c>).</summary>
internal sealed record PropertyStep(string Name) : VtlStep;

/// <summary><c>.name(args)</c>.</summary>
internal sealed record MethodStep(string Name, IReadOnlyList<VtlExpression> Arguments) : VtlStep;

/// <summary><c>[index]</c>: a list's item or a map's entry.</summary>
internal sealed record IndexStep(VtlExpression Index) : VtlStep;
