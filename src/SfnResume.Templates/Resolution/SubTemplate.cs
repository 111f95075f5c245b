namespace SfnResume.Templates.Resolution;

/// <summary>Splits a Fn::Sub string into literal text and <c>${...}</c> variables.</summary>
internal static class SubTemplate
{
    public readonly record struct Part(string? Literal, string? Variable);

    public static List<Part> Parse(string template)
    {
        var parts = new List<Part>();
        var position = 0;
        var literalStart = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("${", position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = template.IndexOf('}', open + 2);
            if (close < 0)
            {
                break;
            }

            if (open > literalStart)
            {
                parts.Add(new Part(template[literalStart..open], null));
            }

            var inner = template[(open + 2)..close];
            parts.Add(inner.StartsWith('!')
                ? new Part("${" + inner[1..] + "}", null)
                : new Part(null, inner.Trim()));
            position = close + 1;
            literalStart = position;
        }

        if (literalStart < template.Length)
        {
            parts.Add(new Part(template[literalStart..], null));
        }

        return parts;
    }

    /// <summary>The names a Fn::Sub string refers to (for the dependency scan).</summary>
    public static IEnumerable<string> Variables(string template) =>
        Parse(template).Where(p => p.Variable is not null).Select(p => p.Variable!);
}
