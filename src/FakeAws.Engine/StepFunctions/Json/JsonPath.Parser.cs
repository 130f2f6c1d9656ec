using System.Globalization;

namespace FakeAws.Engine.StepFunctions.Json;

// The grammar of JSONPath as Jayway reads it: $, $$ or $name, then .name, ['name'], [n], [*], [a:b:c],
// [n,m], ['a','b'], ..step and [?(filter)].
internal sealed partial class JsonPath
{
    private sealed class Parser(string text)
    {
        private int _at;

        public JsonPath ParsePath()
        {
            if (!text.StartsWith('$'))
            {
                throw new FormatException("a path must start with '$'");
            }
            _at = 1;
            var root = JsonPathRoot.Data;
            string? variable = null;
            if (Peek('$'))
            {
                root = JsonPathRoot.Context;
                _at++;
            }
            else if (_at < text.Length && (char.IsLetter(text[_at]) || text[_at] == '_'))
            {
                root = JsonPathRoot.Variable;
                var start = _at;
                while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
                {
                    _at++;
                }
                variable = text[start.._at];
            }
            var segments = new List<Segment>();
            while (_at < text.Length)
            {
                segments.Add(ParseSegment());
            }
            return new JsonPath(text, root, variable, segments.ToArray());
        }

        private Segment ParseSegment()
        {
            if (Peek('.') && PeekAt(1, '.'))
            {
                _at += 2;
                return new DeepScanSegment(Peek('[') ? ParseBracket() : ParseDotStep());
            }
            if (Peek('.'))
            {
                _at++;
                return ParseDotStep();
            }
            if (Peek('['))
            {
                return ParseBracket();
            }
            throw new FormatException($"unexpected '{text[_at]}' at position {_at}");
        }

        private Segment ParseDotStep()
        {
            if (Peek('*'))
            {
                _at++;
                return new WildcardSegment();
            }
            var start = _at;
            while (_at < text.Length && text[_at] != '.' && text[_at] != '[')
            {
                if (char.IsWhiteSpace(text[_at]) || text[_at] is '(' or ')' or '\'' or '"')
                {
                    throw new FormatException($"unexpected '{text[_at]}' in a property name at position {_at}");
                }
                _at++;
            }
            if (_at == start)
            {
                throw new FormatException($"a property name is missing at position {_at}");
            }
            return new PropertySegment(text[start.._at]);
        }

        private Segment ParseBracket()
        {
            _at++; // [
            SkipSpaces();
            Segment segment;
            if (Peek('*'))
            {
                _at++;
                segment = new WildcardSegment();
            }
            else if (Peek('?'))
            {
                _at++;
                SkipSpaces();
                Expect('(');
                var start = _at;
                var depth = 1;
                char? quote = null;
                while (_at < text.Length && depth > 0)
                {
                    var c = text[_at];
                    if (quote is not null)
                    {
                        if (c == '\\')
                        {
                            _at++;
                        }
                        else if (c == quote)
                        {
                            quote = null;
                        }
                    }
                    else if (c is '\'' or '"')
                    {
                        quote = c;
                    }
                    else if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')')
                    {
                        depth--;
                    }
                    _at++;
                }
                if (depth != 0)
                {
                    throw new FormatException("a filter is not closed");
                }
                var filterText = text[start..(_at - 1)];
                segment = new FilterSegment(FilterExpression.Parse(filterText), filterText);
            }
            else if (Peek('\'') || Peek('"'))
            {
                var names = new List<string> { ReadQuoted() };
                SkipSpaces();
                while (Peek(','))
                {
                    _at++;
                    SkipSpaces();
                    names.Add(ReadQuoted());
                    SkipSpaces();
                }
                segment = names.Count == 1 ? new PropertySegment(names[0]) : new PropertyUnionSegment(names.ToArray());
            }
            else
            {
                segment = ParseIndexes();
            }
            SkipSpaces();
            Expect(']');
            return segment;
        }

        private Segment ParseIndexes()
        {
            var first = ReadInt();
            SkipSpaces();
            if (Peek(':'))
            {
                _at++;
                var end = ReadInt();
                var step = 1;
                if (Peek(':'))
                {
                    _at++;
                    step = ReadInt() ?? 1;
                }
                return new SliceSegment(first, end, step);
            }
            if (first is null)
            {
                throw new FormatException($"an index is missing at position {_at}");
            }
            var indexes = new List<int> { first.Value };
            while (Peek(','))
            {
                _at++;
                SkipSpaces();
                indexes.Add(ReadInt() ?? throw new FormatException($"an index is missing at position {_at}"));
                SkipSpaces();
            }
            return indexes.Count == 1 ? new IndexSegment(indexes[0]) : new IndexUnionSegment(indexes.ToArray());
        }

        private int? ReadInt()
        {
            SkipSpaces();
            var start = _at;
            if (Peek('-'))
            {
                _at++;
            }
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }
            if (_at == start)
            {
                return null;
            }
            return int.TryParse(text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"'{text[start.._at]}' is not an index");
        }

        private string ReadQuoted()
        {
            var quote = text[_at++];
            var builder = new System.Text.StringBuilder();
            while (_at < text.Length && text[_at] != quote)
            {
                if (text[_at] == '\\' && _at + 1 < text.Length)
                {
                    _at++;
                }
                builder.Append(text[_at++]);
            }
            Expect(quote);
            return builder.ToString();
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private bool Peek(char c) => _at < text.Length && text[_at] == c;

        private bool PeekAt(int offset, char c) => _at + offset < text.Length && text[_at + offset] == c;

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
