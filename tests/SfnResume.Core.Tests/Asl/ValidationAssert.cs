using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

/// <summary>Parses a definition and renders its diagnostics as <c>CODE: message at location</c> lines.</summary>
internal static class ValidationAssert
{
    public static List<string> Diagnose(string json, AslValidationOptions? options = null) =>
        AslParser.Parse(json, options ?? AslValidationOptions.Default).Diagnostics.Select(d => d.ToString()).ToList();

    /// <summary>Asserts the definition yields exactly these diagnostics, in this order.</summary>
    public static void Reports(string json, params string[] expected) => Assert.Equal(string.Join("\n", expected), string.Join("\n", Diagnose(json)));

    /// <summary>Asserts the definition yields at least this diagnostic.</summary>
    public static void ReportsAmong(string json, string expected)
    {
        var actual = Diagnose(json);
        Assert.True(actual.Contains(expected), $"Expected <{expected}> among:\n{string.Join("\n", actual)}");
    }

    public static void Clean(string json)
    {
        var actual = Diagnose(json);
        Assert.True(actual.Count == 0, string.Join("\n", actual));
    }

    /// <summary>A one-state machine around <paramref name="state"/> named S.</summary>
    public static string Single(string state, string top = "") =>
        "{" + top + "\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}";
}
