namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// A scope of variable bindings; the root frame falls back to the built-in functions. Frames hold
/// few names, so they are kept in small arrays searched linearly rather than in a dictionary, and
/// the first name (often the only one: '$', a lambda's parameter) is held without an array.
/// </summary>
internal sealed class Frame
{
    private readonly Frame? _parent;
    private readonly bool _stepFunctions;
    private readonly IReadOnlyDictionary<string, object?>? _globals;
    private string? _firstName;
    private object? _firstValue;
    private string[]? _names;
    private object?[]? _values;
    private int _count;

    public Frame(Frame? parent)
    {
        _parent = parent;
        _stepFunctions = parent?._stepFunctions ?? false;
    }

    /// <summary>A root frame over the environment's bindings (read, never copied).</summary>
    public Frame(IReadOnlyDictionary<string, object?> globals, bool stepFunctions)
    {
        _globals = globals;
        _stepFunctions = stepFunctions;
    }

    public void Bind(string name, object? value)
    {
        if (_firstName is null)
        {
            _firstName = name;
            _firstValue = value;
            return;
        }

        if (string.Equals(_firstName, name, StringComparison.Ordinal))
        {
            _firstValue = value;
            return;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names![i], name, StringComparison.Ordinal))
            {
                _values![i] = value;
                return;
            }
        }

        if (_names is null)
        {
            _names = new string[3];
            _values = new object?[3];
        }
        else if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _names[_count] = name;
        _values![_count] = value;
        _count++;
    }

    /// <summary>Looks a name up; a binding to undefined hides an outer one (JSONata 2.x).</summary>
    public object? Lookup(string name) => TryLookupBound(name, out var value) ? value : Builtins.Find(name, _stepFunctions);

    /// <summary>Looks a variable up; a built-in it names is found once and kept on the node.</summary>
    public object? Lookup(Node variable) => TryLookupBound(variable.Text, out var value) ? value : variable.Builtin(_stepFunctions);

    private bool TryLookupBound(string name, out object? value)
    {
        Frame? last = null;
        for (var f = this; f is not null; f = f._parent)
        {
            last = f;
            var first = f._firstName;
            if (first is null)
            {
                continue;
            }

            if (ReferenceEquals(first, name) || string.Equals(first, name, StringComparison.Ordinal))
            {
                value = f._firstValue;
                return true;
            }

            var names = f._names;
            for (var i = 0; i < f._count; i++)
            {
                var n = names![i];
                if (ReferenceEquals(n, name) || string.Equals(n, name, StringComparison.Ordinal))
                {
                    value = f._values![i];
                    return true;
                }
            }
        }

        if (last?._globals is { Count: > 0 } globals && globals.TryGetValue(name, out value))
        {
            return true;
        }

        value = null;
        return false;
    }
}
