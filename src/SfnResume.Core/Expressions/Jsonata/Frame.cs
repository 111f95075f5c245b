namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>A scope of variable bindings; the root frame falls back to the built-in functions.</summary>
internal sealed class Frame
{
    private readonly Frame? _parent;
    private readonly bool _stepFunctions;
    private Dictionary<string, object?>? _bindings;

    public Frame(Frame? parent)
    {
        _parent = parent;
        _stepFunctions = parent?._stepFunctions ?? false;
    }

    public Frame(Frame? parent, bool stepFunctions)
    {
        _parent = parent;
        _stepFunctions = stepFunctions;
    }

    public bool IsEmpty => _bindings is null || _bindings.Count == 0;

    public void Bind(string name, object? value)
    {
        (_bindings ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
    }

    /// <summary>Looks a name up; a binding to undefined hides an outer one (JSONata 2.x).</summary>
    public object? Lookup(string name)
    {
        for (var f = this; f is not null; f = f._parent)
        {
            if (f._bindings is not null && f._bindings.TryGetValue(name, out var v))
            {
                return v;
            }
        }

        return Builtins.Find(name, _stepFunctions);
    }
}
