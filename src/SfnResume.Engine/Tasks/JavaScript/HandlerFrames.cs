using Acornima;
using Acornima.Ast;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>
/// Writes the stack lines of the handler's own call. The host calls the handler directly, so Jint knows no call
/// expression to name its frame after; an anonymous handler (<c>exports.handler = async (event) =&gt; ...</c>) is
/// named <c>handler</c> here, as the runtime's call <c>handler(event, context, callback)</c> names it, and the line
/// Jint adds for where the outermost call came from is the runtime's (<c>lambda-runtime.js</c>, left out of error
/// documents). Every other line is Jint's own.
/// </summary>
/// <remarks>Jint renders a stack when it is first read, so the lines are told apart by what they show, not by when:
/// the handler's line has no name, belongs to a script function and lies inside the handler's source; the caller line
/// has no function at all and points at the handler's whole definition.</remarks>
internal sealed class HandlerFrames
{
    private const string RuntimeLine = "    at invoke (lambda-runtime.js)";

    /// <summary>The loaded handler function; set once the module has loaded.</summary>
    public IFunction? Handler { get; set; }

    /// <summary>Jint's <c>BuildCallStackHandler</c>: a line for the frame, or null for Jint's usual one.</summary>
    public string? Line(string shortDescription, SourceLocation location, string[]? arguments)
    {
        if (!string.IsNullOrWhiteSpace(shortDescription) || Handler is not Node { Location: var defined }
            || !string.Equals(location.SourceFile, defined.SourceFile, StringComparison.Ordinal))
        {
            return null;
        }

        if (arguments is null)
        {
            return location.Start == defined.Start && location.End == defined.End ? RuntimeLine + Environment.NewLine : null;
        }

        if (Compare(location.Start, defined.Start) < 0 || Compare(location.End, defined.End) > 0)
        {
            return null;
        }

        // Jint's own format for a named frame: the end line and the 1-based start column.
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"    at handler ({location.SourceFile}:{location.End.Line}:{location.Start.Column + 1}){Environment.NewLine}");
    }

    private static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
