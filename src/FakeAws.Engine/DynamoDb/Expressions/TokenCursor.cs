using System.Globalization;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// Reads tokens for the recursive-descent parsers, stepping over whitespace, and builds AWS's syntax
/// error for the token it stands on.
/// </summary>
internal sealed class TokenCursor
{
    private readonly Token[] _tokens;
    private int _position;

    public TokenCursor(ExpressionKind kind, string expression)
    {
        Kind = kind;
        _tokens = Tokenizer.Tokenize(expression);
        SkipWhitespace();
    }

    public ExpressionKind Kind { get; }

    public bool AtEnd => _position >= _tokens.Length;

    /// <summary>The current token; only valid when not <see cref="AtEnd"/>.</summary>
    public Token Current => _tokens[_position];

    public bool Is(string punctuation) => !AtEnd && Current.Is(punctuation);

    public bool IsKeyword(string keyword) => !AtEnd && Current.IsKeyword(keyword);

    public bool IsKind(TokenKind kind) => !AtEnd && Current.Kind == kind;

    /// <summary>Whether the next significant token after the current one is <paramref name="punctuation"/>.</summary>
    public bool NextIs(string punctuation)
    {
        var next = _position + 1;
        while (next < _tokens.Length && _tokens[next].Kind == TokenKind.Whitespace)
        {
            next++;
        }
        return next < _tokens.Length && _tokens[next].Is(punctuation);
    }

    /// <summary>Returns the current token and moves past it and any whitespace after it.</summary>
    public Token Take()
    {
        var token = Current;
        _position++;
        SkipWhitespace();
        return token;
    }

    /// <summary>Takes the punctuation <paramref name="punctuation"/> or fails on the current token.</summary>
    public void Expect(string punctuation)
    {
        if (!Is(punctuation))
        {
            throw Error();
        }
        Take();
    }

    /// <summary>Takes an integer list index or fails on the current token.</summary>
    public int TakeIndex()
    {
        if (!IsKind(TokenKind.Integer) || !int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Error();
        }
        Take();
        return index;
    }

    /// <summary>Fails unless every token was consumed.</summary>
    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw Error();
        }
    }

    /// <summary>
    /// AWS's syntax error for the current token (<c>&lt;EOF&gt;</c> at the end). "near" is the token with
    /// its neighbours: the one before and the one after, each widened by one more when it is whitespace.
    /// </summary>
    public AwsServiceException Error()
    {
        var token = AtEnd ? "<EOF>" : Current.Text;
        var near = string.Concat(
            WhitespaceWidened(_position - 1, -1),
            AtEnd ? "" : Current.Text,
            WhitespaceWidened(_position + 1, +1));
        return ExpressionErrors.Syntax(Kind, token, near);
    }

    private string WhitespaceWidened(int index, int direction)
    {
        if (index < 0 || index >= _tokens.Length)
        {
            return "";
        }
        var text = _tokens[index].Text;
        var beyond = index + direction;
        if (_tokens[index].Kind != TokenKind.Whitespace || beyond < 0 || beyond >= _tokens.Length)
        {
            return text;
        }
        return direction < 0 ? _tokens[beyond].Text + text : text + _tokens[beyond].Text;
    }

    private void SkipWhitespace()
    {
        while (_position < _tokens.Length && _tokens[_position].Kind == TokenKind.Whitespace)
        {
            _position++;
        }
    }
}
