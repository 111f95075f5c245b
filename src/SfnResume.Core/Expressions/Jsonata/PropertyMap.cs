namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// Insertion-ordered string-keyed map for object members. Most JSONata objects have a handful of
/// members, so keys are searched linearly until the map grows past <see cref="IndexThreshold"/>,
/// when a hash index is added.
/// </summary>
internal sealed class PropertyMap
{
    private const int IndexThreshold = 12;

    private string[] _keys;
    private object?[] _values;
    private int _count;
    private Dictionary<string, int>? _index;

    public PropertyMap(int capacity = 4)
    {
        capacity = Math.Max(capacity, 1);
        _keys = new string[capacity];
        _values = new object?[capacity];
    }

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _keys[i];
            }
        }
    }

    public IEnumerable<KeyValuePair<string, object?>> Entries
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
            }
        }
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            var k = _keys[i];
            if (ReferenceEquals(k, key) || string.Equals(k, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetValue(string key, out object? value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _values[i];
        return true;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public void Set(string key, object? value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _index?.Add(key, _count);
        _count++;
        if (_index is null && _count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var j = 0; j < _count; j++)
            {
                _index[_keys[j]] = j;
            }
        }
    }

    public void Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return;
        }

        Array.Copy(_keys, i + 1, _keys, i, _count - i - 1);
        Array.Copy(_values, i + 1, _values, i, _count - i - 1);
        _count--;
        _keys[_count] = null!;
        _values[_count] = null;
        if (_index is not null)
        {
            _index.Clear();
            for (var j = 0; j < _count; j++)
            {
                _index[_keys[j]] = j;
            }
        }
    }
}
