using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Cli.Infrastructure;

/// <summary>Loads definitions and histories from files, turning every problem into one clear line.</summary>
internal static class InputLoader
{
    public static StateMachineDefinition LoadDefinition(string path, string optionName = "--definition")
    {
        var text = CliFiles.ReadText(path, optionName);
        return ParseDefinition(text, Where(path, optionName));
    }

    public static StateMachineDefinition ParseDefinition(string text, string where)
    {
        var parsed = AslParser.Parse(text);
        ThrowIfInvalid(parsed, where);
        return parsed.Definition!;
    }

    /// <summary>
    /// Reads and models a definition file, its validation left to <see cref="AslModel.Validate"/> (then
    /// <see cref="ThrowIfInvalid"/>). Text that cannot be modelled at all is reported here.
    /// </summary>
    public static AslModel ModelDefinition(string path, string optionName = "--definition")
    {
        var model = AslParser.Model(CliFiles.ReadText(path, optionName), AslValidationOptions.Default);
        if (model.Definition is null)
        {
            ThrowIfInvalid(model.Validate(), Where(path, optionName));
        }

        return model;
    }

    /// <summary>The one-line error for a definition with problems, naming the first and counting the rest.</summary>
    public static void ThrowIfInvalid(AslParseResult parsed, string where)
    {
        var errors = parsed.Errors.ToList();
        if (parsed.Definition is null || errors.Count > 0)
        {
            var first = errors.Count > 0 ? errors[0].ToString() : "not a state machine definition";
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : "")})" : "";
            throw new CliUserException($"{where}: invalid definition: {first}{more}");
        }
    }

    /// <summary>How messages name a definition file: <c>--definition 'orders.asl.json'</c>.</summary>
    public static string Where(string path, string optionName = "--definition") => $"{optionName} '{path}'";

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
