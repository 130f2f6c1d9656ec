using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

/// <summary>An intrinsic function failed: a wrong argument type, count or value. Raised as States.IntrinsicFailure.</summary>
internal sealed class IntrinsicException(string message) : Exception(message);

/// <summary>One argument of an intrinsic call: a literal, a path, or a nested call.</summary>
internal abstract record IntrinsicArgument
{
    /// <summary>A string, number, boolean or null written in the call.</summary>
    public sealed record Literal(JsonNode? Value) : IntrinsicArgument;

    /// <summary>A path into the input (<c>$.x</c>), the context object (<c>$$.x</c>) or a variable (<c>$x</c>).</summary>
    public sealed record Path(JsonPath Value) : IntrinsicArgument;

    /// <summary>A nested intrinsic call.</summary>
    public sealed record Call(IntrinsicCall Value) : IntrinsicArgument;
}

/// <summary>
/// A parsed intrinsic function call such as <c>States.Format('Hello {}', $.name)</c>. String literals
/// are single-quoted; inside them <c>\'</c>, <c>\{</c>, <c>\}</c> and <c>\\</c> escape the character.
/// </summary>
internal sealed class IntrinsicCall
{
    private IntrinsicCall(string name, IReadOnlyList<IntrinsicArgument> arguments, IntrinsicFunction function)
    {
        Name = name;
        Arguments = arguments;
        Function = function;
    }

    /// <summary>The function's name, for example <c>States.Format</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<IntrinsicArgument> Arguments { get; }

    public IntrinsicFunction Function { get; }

    /// <summary>Whether the text is written as an intrinsic call.</summary>
    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Parses a call and checks its function and argument count, or throws <see cref="FormatException"/>.</summary>
    public static IntrinsicCall Parse(string text)
    {
        var parser = new Parser(text);
        var call = parser.ParseCall();
        parser.End();
        return call;
    }

    /// <summary>Runs the call.</summary>
    /// <exception cref="IntrinsicException">An argument is not what the function takes.</exception>
    public JsonNode? Evaluate(IntrinsicContext context)
    {
        var values = new List<JsonNode?>(Arguments.Count);
        foreach (var argument in Arguments)
        {
            values.Add(argument switch
            {
                IntrinsicArgument.Literal literal => JsonValues.Clone(literal.Value),
                IntrinsicArgument.Path path => context.Resolve(path.Value),
                IntrinsicArgument.Call call => call.Value.Evaluate(context),
                _ => throw new InvalidOperationException(),
            });
        }
        return Function.Invoke(values, context);
    }

    private sealed class Parser(string text)
    {
        private int _at;
        private int _depth;

        public void End()
        {
            SkipSpaces();
            if (_at != text.Length)
            {
                throw new FormatException($"unexpected text after the call: '{text[_at..]}'");
            }
        }

        public IntrinsicCall ParseCall()
        {
            SkipSpaces();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '.'))
            {
                _at++;
            }
            var name = text[start.._at];
            if (!IntrinsicFunctions.TryGet(name, out var function))
            {
                throw new FormatException($"'{name}' is not an intrinsic function");
            }
            SkipSpaces();
            Expect('(');
            var arguments = new List<IntrinsicArgument>();
            SkipSpaces();
            if (!Peek(')'))
            {
                arguments.Add(ParseArgument());
                SkipSpaces();
                while (Peek(','))
                {
                    _at++;
                    arguments.Add(ParseArgument());
                    SkipSpaces();
                }
            }
            Expect(')');
            if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
            {
                throw new FormatException(function.ArityMessage(name));
            }
            return new IntrinsicCall(name, arguments, function);
        }

        private IntrinsicArgument ParseArgument()
        {
            SkipSpaces();
            if (_at >= text.Length)
            {
                throw new FormatException("an argument is missing");
            }
            var c = text[_at];
            if (c == '\'')
            {
                return new IntrinsicArgument.Literal(JsonValue.Create(ReadString()));
            }
            if (c == '$')
            {
                var start = _at;
                var depth = 0;
                char? quote = null;
                while (_at < text.Length)
                {
                    var d = text[_at];
                    if (quote is not null)
                    {
                        if (d == quote)
                        {
                            quote = null;
                        }
                    }
                    else if (d is '\'' or '"')
                    {
                        quote = d;
                    }
                    else if (d is '[' or '(')
                    {
                        depth++;
                    }
                    else if (d is ']' or ')')
                    {
                        if (depth == 0)
                        {
                            break;
                        }
                        depth--;
                    }
                    else if (depth == 0 && (d == ',' || char.IsWhiteSpace(d)))
                    {
                        break;
                    }
                    _at++;
                }
                return new IntrinsicArgument.Path(JsonPath.Parse(text[start.._at]));
            }
            if (text.AsSpan(_at).StartsWith("States.", StringComparison.Ordinal))
            {
                if (++_depth >= NestingLimits.IntrinsicCalls)
                {
                    throw new NestingTooDeepException($"intrinsic functions nest at most {NestingLimits.IntrinsicCalls} deep");
                }
                var call = new IntrinsicArgument.Call(ParseCall());
                _depth--;
                return call;
            }
            var tokenStart = _at;
            while (_at < text.Length && text[_at] != ',' && text[_at] != ')' && !char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
            var token = text[tokenStart.._at];
            return token switch
            {
                "true" => new IntrinsicArgument.Literal(JsonValue.Create(true)),
                "false" => new IntrinsicArgument.Literal(JsonValue.Create(false)),
                "null" => new IntrinsicArgument.Literal(null),
                _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => new IntrinsicArgument.Literal(JsonValue.Create(l)),
                _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => new IntrinsicArgument.Literal(JsonValues.Parse(token)),
                _ => throw new FormatException($"'{token}' is not a valid argument"),
            };
        }

        private string ReadString()
        {
            _at++; // '
            var builder = new StringBuilder();
            while (_at < text.Length && text[_at] != '\'')
            {
                if (text[_at] == '\\' && _at + 1 < text.Length)
                {
                    var next = text[_at + 1];
                    // \{ and \} stay escaped so States.Format can tell them from placeholders.
                    if (next is '{' or '}')
                    {
                        builder.Append('\\');
                    }
                    builder.Append(next);
                    _at += 2;
                    continue;
                }
                builder.Append(text[_at++]);
            }
            Expect('\'');
            return builder.ToString();
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private bool Peek(char c) => _at < text.Length && text[_at] == c;

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw new FormatException($"expected '{c}' at position {_at}");
            }
            _at++;
        }
    }
}

/// <summary>What an intrinsic call needs from the running state.</summary>
internal sealed class IntrinsicContext(Func<JsonPath, JsonNode?> resolve, Random random, Func<Guid> newGuid)
{
    /// <summary>Reads a path argument; throws the state's path error when it selects nothing.</summary>
    public Func<JsonPath, JsonNode?> Resolve { get; } = resolve;

    /// <summary>The execution's seeded generator, for States.MathRandom without a seed.</summary>
    public Random Random { get; } = random;

    /// <summary>The cloud's seeded id source, for States.UUID.</summary>
    public Func<Guid> NewGuid { get; } = newGuid;
}
