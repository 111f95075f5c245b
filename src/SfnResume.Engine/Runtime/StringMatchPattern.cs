namespace SfnResume.Engine.Runtime;

/// <summary>
/// <c>StringMatches</c> (https://states-language.net/#choice-state): <c>*</c> matches any sequence of characters
/// (including none); <c>\*</c> is a literal star and <c>\\</c> a literal backslash. Nothing else is special.
/// Compiled once into literal pieces separated by stars.
/// </summary>
internal sealed class StringMatchPattern
{
    private readonly string[] _pieces;

    private StringMatchPattern(string[] pieces) => _pieces = pieces;

    public static StringMatchPattern Compile(string pattern)
    {
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && (pattern[i + 1] == '*' || pattern[i + 1] == '\\'))
            {
                current.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        pieces.Add(current.ToString());
        return new StringMatchPattern([.. pieces]);
    }

    public bool IsMatch(string value)
    {
        if (_pieces.Length == 1)
        {
            return string.Equals(value, _pieces[0], StringComparison.Ordinal);
        }

        var first = _pieces[0];
        var last = _pieces[^1];
        if (!value.StartsWith(first, StringComparison.Ordinal) || value.Length < first.Length + last.Length
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var pos = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var piece = _pieces[i];
            if (piece.Length == 0)
            {
                continue;
            }

            var found = value.IndexOf(piece, pos, end - pos, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            pos = found + piece.Length;
        }

        return true;
    }
}
