namespace SfnResume.Cli.Infrastructure;

/// <summary>The <c>--input</c> of an execution: inline JSON or @FILE, kept as text because AWS records the caller's text.</summary>
internal static class ExecutionInput
{
    public static string Read(string? value)
    {
        if (value is null)
        {
            return "{}";
        }

        var text = value.StartsWith('@') ? CliFiles.ReadText(value[1..], "--input") : value;
        var where = value.StartsWith('@') ? $"--input file '{value[1..]}'" : "--input";
        JsonArgument.Parse(text, where);
        return text;
    }
}
