using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Cli.Infrastructure;

/// <summary>Loads definitions and histories from files, turning every problem into one clear line.</summary>
internal static class InputLoader
{
    public static StateMachineDefinition LoadDefinition(string path, string optionName = "--definition")
    {
        var text = CliFiles.ReadText(path, optionName);
        return ParseDefinition(text, $"{optionName} '{path}'");
    }

    public static StateMachineDefinition ParseDefinition(string text, string where)
    {
        var parsed = AslParser.Parse(text);
        var errors = parsed.Errors.ToList();
        if (parsed.Definition is null || errors.Count > 0)
        {
            var first = errors.Count > 0 ? errors[0].ToString() : "not a state machine definition";
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : "")})" : "";
            throw new CliUserException($"{where}: invalid definition: {first}{more}");
        }

        return parsed.Definition;
    }

    public static ExecutionHistory LoadHistory(string path, string optionName = "--history") =>
        ParseHistory(CliFiles.ReadBytes(path, optionName), path, optionName);

    /// <summary>Parses a history read by the caller (events keep slices of <paramref name="bytes"/>).</summary>
    public static ExecutionHistory ParseHistory(ReadOnlyMemory<byte> bytes, string path, string optionName = "--history")
    {
        try
        {
            return ExecutionHistory.Parse(bytes);
        }
        catch (HistoryFormatException ex)
        {
            throw new CliUserException($"{optionName} '{path}': {ex.Message}");
        }
    }

    /// <summary><c>orders.asl.json</c> gives <c>orders</c>.</summary>
    public static string NameFromFile(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in (string[])[".asl.json", ".json", ".asl.yaml", ".yaml"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
