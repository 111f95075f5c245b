namespace SfnResume.Engine.Tasks;

/// <summary>One <c>--lambda NAME=FILE.js</c> mapping: the local handler file serving every version and alias of the
/// function named NAME.</summary>
public sealed record LambdaHandlerMapping(string FunctionName, string HandlerPath)
{
    /// <summary>Parses <c>NAME=FILE</c>; NAME may also be given as a function ARN, whose name is used.</summary>
    /// <exception cref="FormatException">One line saying what is wrong with <paramref name="text"/>.</exception>
    public static LambdaHandlerMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FormatException($"--lambda '{text}': expected NAME=FILE.js (e.g. identity=lambdas/identity.js).");
        }

        var name = text[..eq].Trim();
        if (!LambdaFunctionRef.TryParse(name, out var function))
        {
            throw new FormatException($"--lambda '{text}': '{name}' is not a Lambda function name or ARN.");
        }

        return new LambdaHandlerMapping(function.Name, text[(eq + 1)..].Trim());
    }
}
