using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// A function signature such as <c>&lt;s-n?:s&gt;</c>. Arguments are validated by mapping each one to a
/// type letter and matching the letters against a pattern built from the signature, as JSONata does.
/// </summary>
internal sealed class Signature
{
    private readonly List<Param> _params;
    private readonly Regex _regex;
    private readonly ConcurrentDictionary<string, Shape> _matches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Shape>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private Shape? _last;

    private Signature(string definition, List<Param> parameters)
    {
        Definition = definition;
        _params = parameters;
        var sb = new StringBuilder("^");
        foreach (var p in parameters)
        {
            sb.Append('(').Append(p.Pattern).Append(')');
        }

        sb.Append('$');
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant);
        _lookup = _matches.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Definition { get; }

    public int Arity => _params.Count;

    /// <summary>Parameters that are not optional: the arity a built-in reports to higher-order functions.</summary>
    public int RequiredArity => _params.Count(p => !p.Pattern.EndsWith('?'));

    public static Signature Parse(string signature, int basePosition = 0)
    {
        var parameters = new List<Param>();
        var param = new Param();
        var prev = param;
        var position = 1;
        void Next()
        {
            parameters.Add(param);
            prev = param;
            param = new Param();
        }

        while (position < signature.Length)
        {
            var symbol = signature[position];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's':
                case 'n':
                case 'b':
                case 'l':
                case 'o':
                    param.Pattern = "[" + symbol + "m]";
                    param.Type = symbol.ToString();
                    Next();
                    break;
                case 'a':
                    param.Pattern = "[asnblfom]";
                    param.Type = "a";
                    param.IsArray = true;
                    Next();
                    break;
                case 'f':
                    param.Pattern = "f";
                    param.Type = "f";
                    Next();
                    break;
                case 'j':
                    param.Pattern = "[asnblom]";
                    param.Type = "j";
                    Next();
                    break;
                case 'x':
                    param.Pattern = "[asnblfom]";
                    param.Type = "x";
                    Next();
                    break;
                case '-':
                    prev.Context = true;
                    prev.ContextRegex = new Regex("^" + prev.Pattern, RegexOptions.CultureInvariant);
                    prev.Pattern += "?";
                    break;
                case '?':
                case '+':
                    prev.Pattern += symbol;
                    break;
                case '(':
                    {
                        var end = FindClosing(signature, position, '(', ')');
                        var choice = signature[(position + 1)..end];
                        if (choice.Contains('<', StringComparison.Ordinal))
                        {
                            throw JsonataException.Create("S0402", basePosition + position, null, choice);
                        }

                        param.Pattern = "[" + choice + "m]";
                        param.Type = "(" + choice + ")";
                        position = end;
                        Next();
                        break;
                    }

                case '<':
                    if (prev.Type is "a" or "f")
                    {
                        var end = FindClosing(signature, position, '<', '>');
                        prev.Subtype = signature[(position + 1)..end];
                        position = end;
                    }
                    else
                    {
                        throw JsonataException.Create("S0401", basePosition + position, null, prev.Type);
                    }

                    break;
            }

            position++;
        }

        return new Signature(signature, parameters);
    }

    private static int FindClosing(string s, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < s.Length)
        {
            position++;
            if (position >= s.Length)
            {
                break;
            }

            var c = s[position];
            if (c == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (c == open)
            {
                depth++;
            }
        }

        return position;
    }

    private static char Symbol(object? value) => value switch
    {
        JFunction => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JList => 'a',
        JMap => 'o',
        null => 'm',
        _ => 'o',
    };

    public List<object?> Validate(List<object?> args, object? context, int position, string? token)
    {
        // The group lengths depend only on the argument type letters: match each letter string once, and look
        // it up without building a string.
        var count = args.Count;
        Span<char> letters = count <= 32 ? stackalloc char[count] : new char[count];
        for (var i = 0; i < count; i++)
        {
            letters[i] = Symbol(args[i]);
        }

        // calls mostly repeat the argument types of the call before: try its shape before the table
        var shape = Volatile.Read(ref _last);
        if (shape is null || !letters.SequenceEqual(shape.Letters))
        {
            shape = FindShape(letters, args, position, token);
            Volatile.Write(ref _last, shape);
        }

        return shape.OneToOne ? CheckInPlace(args, shape.Groups, position, token) : Rebuild(args, shape.Groups, context, position, token);
    }

    private Shape FindShape(ReadOnlySpan<char> letters, List<object?> args, int position, string? token)
    {
        if (_lookup.TryGetValue(letters, out var shape))
        {
            return shape;
        }

        var sig = new string(letters);
        var m = _regex.Match(sig);
        if (!m.Success)
        {
            ThrowValidationError(args, sig, position, token);
        }

        var groups = new string[_params.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = m.Groups[g + 1].Value;
        }

        shape = new Shape(sig, groups, IsOneToOne(groups, args.Count));
        _matches.TryAdd(sig, shape);
        return shape;
    }

    /// <summary>
    /// True when every argument fills its own parameter unchanged (none missing, none collected, no context value
    /// added, no value wrapped into an array): then the argument list itself is the validated list.
    /// </summary>
    private bool IsOneToOne(string[] groups, int argCount)
    {
        if (argCount != _params.Count)
        {
            return false;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i].Length != 1 || (_params[i].Type == "a" && groups[i][0] is not ('a' or 'm')))
            {
                return false;
            }
        }

        return true;
    }

    private List<object?> CheckInPlace(List<object?> args, string[] groups, int position, string? token)
    {
        for (var index = 0; index < groups.Length; index++)
        {
            var param = _params[index];
            if (param.Type == "a" && param.Subtype is not null && groups[index][0] == 'a' && !ItemsMatch(param.Subtype, args[index]))
            {
                throw SubtypeError(param.Subtype, args[index], index, position, token);
            }
        }

        return args;
    }

    private List<object?> Rebuild(List<object?> args, string[] groups, object? context, int position, string? token)
    {
        var validated = new List<object?>(_params.Count);
        var argIndex = 0;
        for (var index = 0; index < _params.Count; index++)
        {
            var param = _params[index];
            var match = groups[index];
            if (match.Length == 0)
            {
                if (param.Context && param.ContextRegex is not null)
                {
                    var contextType = Symbol(context);
                    if (param.ContextRegex.IsMatch(contextType.ToString()))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw ArgError("T0411", context, argIndex + 1, position, token);
                    }
                }
                else
                {
                    validated.Add(argIndex < args.Count ? args[argIndex] : null);
                    argIndex++;
                }

                continue;
            }

            foreach (var single in match)
            {
                if (param.Type == "a")
                {
                    object? arg;
                    if (single == 'm')
                    {
                        arg = null;
                    }
                    else
                    {
                        arg = args[argIndex];
                        if (param.Subtype is not null
                            && (single != 'a' ? match != param.Subtype : !ItemsMatch(param.Subtype, arg)))
                        {
                            throw SubtypeError(param.Subtype, arg, argIndex, position, token);
                        }

                        if (single != 'a')
                        {
                            arg = new JList { arg };
                        }
                    }

                    validated.Add(arg);
                    argIndex++;
                }
                else
                {
                    validated.Add(argIndex < args.Count ? args[argIndex] : null);
                    argIndex++;
                }
            }
        }

        return validated;
    }

    /// <summary>Every item of a non-empty array has the type the subtype names (an empty array always matches).</summary>
    private static bool ItemsMatch(string subtype, object? arg)
    {
        if (arg is not JList { Count: > 0 } list)
        {
            return true;
        }

        var itemType = Symbol(list[0]);
        if (itemType != subtype[0])
        {
            return false;
        }

        foreach (var item in list)
        {
            if (Symbol(item) != itemType)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonataException SubtypeError(string subtype, object? arg, int argIndex, int position, string? token)
    {
        var typeName = subtype switch
        {
            "a" => "arrays",
            "b" => "booleans",
            "f" => "functions",
            "n" => "numbers",
            "o" => "objects",
            "s" => "strings",
            _ => subtype,
        };
        return JsonataException.Create(
            "T0412",
            position,
            token,
            arg,
            extra: new Dictionary<string, object?> { ["index"] = (double)(argIndex + 1), ["type"] = typeName });
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowValidationError(List<object?> args, string sig, int position, string? token)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var p in _params)
        {
            partial.Append(p.Pattern);
            var m = Regex.Match(sig, partial.ToString(), RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                throw ArgError("T0410", goodTo < args.Count ? args[goodTo] : null, goodTo + 1, position, token);
            }

            goodTo = m.Length;
        }

        throw ArgError("T0410", goodTo < args.Count ? args[goodTo] : null, goodTo + 1, position, token);
    }

    private static JsonataException ArgError(string code, object? value, int index, int position, string? token)
        => JsonataException.Create(code, position, token, value, extra: new Dictionary<string, object?> { ["index"] = (double)index });

    /// <summary>How one string of argument type letters splits over the parameters.</summary>
    private sealed record Shape(string Letters, string[] Groups, bool OneToOne);

    private sealed class Param
    {
        public string Pattern { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public bool IsArray { get; set; }

        public bool Context { get; set; }

        public Regex? ContextRegex { get; set; }

        public string? Subtype { get; set; }
    }
}
