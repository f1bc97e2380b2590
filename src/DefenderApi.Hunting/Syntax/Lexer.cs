using System.Globalization;
using System.Text;

namespace DefenderApi.Hunting.Syntax;

/// <summary>Turns query text into tokens, each with its position.</summary>
internal sealed class Lexer
{
    private static readonly string[] Symbols =
        ["..", "==", "!=", "=~", "!~", "<=", ">=", "<>", "|", "(", ")", "[", "]", "{", "}", ",", ";", ".", "=", "<", ">", "+", "-", "*", "/", "%", ":"];

    /// <summary>Operator names that contain a hyphen; any other hyphen is a minus sign.</summary>
    private static readonly HashSet<string> HyphenatedWords = new(StringComparer.Ordinal)
    {
        "project-away", "project-rename", "project-keep", "project-reorder", "mv-expand", "mv-apply", "make-series",
        "top-nested", "top-hitters", "parse-where", "parse-kv", "make-graph", "project-smart",
    };

    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text) => _text = text;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private SourcePosition Position => new(_line, _index - _lineStart + 1);

    private char Peek(int ahead = 0) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (_index >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, string.Empty, Position));
                return;
            }

            _tokens.Add(Next());
        }
    }

    private void SkipTrivia()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (char.IsWhiteSpace(c))
            {
                _index++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_index < _text.Length && _text[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token Next()
    {
        var start = Position;
        var c = Peek();
        if (c is '"' or '\'')
        {
            return new Token(TokenKind.String, ReadString(start, verbatim: false), start);
        }

        if (c is '@' or 'h' or 'H' && Peek(1) is '"' or '\'')
        {
            _index++;
            return new Token(TokenKind.String, ReadString(start, verbatim: c == '@'), start);
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber(start);
        }

        if (c is '!' or '$' && IsIdentifierStart(Peek(1)))
        {
            _index++;
            return new Token(TokenKind.Identifier, c + ReadWord(), start);
        }

        if (IsIdentifierStart(c))
        {
            var word = ReadWord();
            if (word == "datetime" && NextNonSpace() == '(')
            {
                return ReadDateTime(start);
            }

            return new Token(TokenKind.Identifier, word, start);
        }

        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(_text, _index, symbol, 0, symbol.Length) == 0)
            {
                _index += symbol.Length;
                return new Token(TokenKind.Symbol, symbol, start);
            }
        }

        throw KqlErrors.Syntax(start, $"unexpected character '{c}'");
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private string ReadWord()
    {
        var begin = _index;
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_' || Peek() == '~')
        {
            _index++;
        }

        var word = _text[begin.._index];
        if (Peek() == '-' && IsIdentifierStart(Peek(1)))
        {
            var end = _index + 1;
            while (end < _text.Length && (char.IsAsciiLetter(_text[end]) || _text[end] == '_'))
            {
                end++;
            }

            if (HyphenatedWords.Contains(_text[begin..end]))
            {
                _index = end;
                return _text[begin..end];
            }
        }

        return word;
    }

    private char NextNonSpace()
    {
        var i = _index;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < _text.Length ? _text[i] : '\0';
    }

    private Token ReadDateTime(SourcePosition start)
    {
        var open = _text.IndexOf('(', _index);
        var close = _text.IndexOf(')', open);
        if (close < 0)
        {
            throw KqlErrors.Syntax(start, "expected ')' to close the datetime literal");
        }

        var raw = _text[(open + 1)..close].Trim();
        _index = close + 1;
        return new Token(TokenKind.DateTime, raw, start);
    }

    private string ReadString(SourcePosition start, bool verbatim)
    {
        var quote = _text[_index++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_index >= _text.Length || _text[_index] == '\n')
            {
                throw KqlErrors.Syntax(start, "unterminated string literal");
            }

            var c = _text[_index++];
            if (c == quote)
            {
                if (verbatim && Peek() == quote)
                {
                    sb.Append(quote);
                    _index++;
                    continue;
                }

                return sb.ToString();
            }

            if (c == '\\' && !verbatim)
            {
                if (_index >= _text.Length)
                {
                    throw KqlErrors.Syntax(start, "unterminated string literal");
                }

                var escaped = _text[_index++];
                sb.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    _ => escaped,
                });
                continue;
            }

            sb.Append(c);
        }
    }

    private Token ReadNumber(SourcePosition start)
    {
        var begin = _index;
        while (char.IsAsciiDigit(Peek()))
        {
            _index++;
        }

        var isReal = false;
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isReal = true;
            _index++;
            while (char.IsAsciiDigit(Peek()))
            {
                _index++;
            }
        }

        if (Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '-' or '+' && char.IsAsciiDigit(Peek(2)))))
        {
            isReal = true;
            _index += 2;
            while (char.IsAsciiDigit(Peek()))
            {
                _index++;
            }
        }

        var number = _text[begin.._index];
        if (char.IsAsciiLetter(Peek()))
        {
            var unitStart = _index;
            while (char.IsAsciiLetter(Peek()))
            {
                _index++;
            }

            return new Token(TokenKind.TimeSpan, number + _text[unitStart.._index], start);
        }

        if (!isReal && !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw KqlErrors.Syntax(start, $"the number {number} is out of range for long");
        }

        return new Token(isReal ? TokenKind.Real : TokenKind.Long, number, start);
    }
}
