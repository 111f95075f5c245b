namespace SfnResume.Engine.Conformance;

/// <summary>
/// Numbered placeholders (<c>&lt;uuid:1&gt;</c>, <c>&lt;LogResult:2&gt;</c> ...) compared as variables: the numbers
/// depend on what else the recording test saw, so the same expected token must pair with the same actual token
/// throughout a case, and two different expected tokens with two different actual ones.
/// </summary>
internal sealed class PlaceholderBindings
{
    private readonly Dictionary<string, string> _expectedToActual;
    private readonly Dictionary<string, string> _actualToExpected;

    public PlaceholderBindings()
        : this(new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    private PlaceholderBindings(Dictionary<string, string> expectedToActual, Dictionary<string, string> actualToExpected)
    {
        _expectedToActual = expectedToActual;
        _actualToExpected = actualToExpected;
    }

    public PlaceholderBindings Clone() =>
        new(new(_expectedToActual, StringComparer.Ordinal), new(_actualToExpected, StringComparer.Ordinal));

    /// <summary>Takes over the bindings of a clone that succeeded.</summary>
    public void CopyFrom(PlaceholderBindings other)
    {
        _expectedToActual.Clear();
        _actualToExpected.Clear();
        foreach (var (key, value) in other._expectedToActual)
        {
            _expectedToActual[key] = value;
            _actualToExpected[value] = key;
        }
    }

    /// <summary>True when the strings are equal once placeholders are matched consistently.</summary>
    public bool StringsEqual(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal) && !expected.Contains('<', StringComparison.Ordinal))
        {
            return true;
        }

        var expectedTokens = SnapshotPatterns.NumberedPlaceholder().Matches(expected);
        var actualTokens = SnapshotPatterns.NumberedPlaceholder().Matches(actual);
        if (expectedTokens.Count != actualTokens.Count)
        {
            return false;
        }

        if (expectedTokens.Count == 0)
        {
            return string.Equals(expected, actual, StringComparison.Ordinal);
        }

        int e = 0;
        int a = 0;
        var pending = new List<(string Expected, string Actual)>();
        for (int i = 0; i < expectedTokens.Count; i++)
        {
            var et = expectedTokens[i];
            var at = actualTokens[i];
            if (!expected.AsSpan(e, et.Index - e).SequenceEqual(actual.AsSpan(a, at.Index - a))
                || et.Groups[1].Value != at.Groups[1].Value)
            {
                return false;
            }

            pending.Add((et.Value, at.Value));
            e = et.Index + et.Length;
            a = at.Index + at.Length;
        }

        if (!expected.AsSpan(e).SequenceEqual(actual.AsSpan(a)))
        {
            return false;
        }

        foreach (var (exp, act) in pending)
        {
            if (!Bind(exp, act))
            {
                return false;
            }
        }

        return true;
    }

    private bool Bind(string expected, string actual)
    {
        if (_expectedToActual.TryGetValue(expected, out var bound))
        {
            return bound == actual;
        }

        if (_actualToExpected.ContainsKey(actual))
        {
            return false;
        }

        _expectedToActual[expected] = actual;
        _actualToExpected[actual] = expected;
        return true;
    }
}
