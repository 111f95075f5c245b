using System.Globalization;
using Acornima;
using Acornima.Ast;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>
/// Writes the stack lines Jint would get wrong for a Lambda handler, and leaves every other line to Jint:
/// <list type="bullet">
/// <item>The host calls the handler directly, so Jint knows no call expression to name its frame after: an anonymous
/// handler (<c>exports.handler = async (event) =&gt; ...</c>) is named <c>handler</c>, as the runtime's call
/// <c>handler(event, context, callback)</c> names it, and the line Jint adds for where the outermost call came from is
/// the runtime's (<c>lambda-runtime.js</c>, left out of error documents).</item>
/// <item>A CommonJS file is parsed inside Node's module wrapper, which starts on the file's first line; positions on
/// that line count the wrapper's head, so their columns are moved back by its length, as Node reports them.</item>
/// </list>
/// </summary>
/// <remarks>Jint renders a stack when it is first read, so lines are told apart by what they show, not by when: the
/// handler's line has no name, belongs to a script function and lies inside the handler's source; the caller line has
/// no function at all and points at the handler's whole definition.</remarks>
internal sealed class HandlerFrames
{
    /// <summary>Node's CommonJS module wrapper, before the file's text.</summary>
    public const string CommonJsHead = "(function (exports, require, module, __filename, __dirname) {";

    private static readonly string s_runtimeLine = "    at invoke (lambda-runtime.js)" + Environment.NewLine;

    private readonly HashSet<string> _wrapped = new(StringComparer.Ordinal);

    /// <summary>The loaded handler function; set once the module has loaded.</summary>
    public IFunction? Handler { get; set; }

    /// <summary>Notes a file whose text was parsed after <see cref="CommonJsHead"/>.</summary>
    public void Wrapped(string file) => _wrapped.Add(file);

    /// <summary>Jint's <c>BuildCallStackHandler</c>: a line for the frame, or null for Jint's usual one.</summary>
    public string? Line(string shortDescription, SourceLocation location, string[]? arguments)
    {
        var named = !string.IsNullOrWhiteSpace(shortDescription);
        var handler = false;
        if (!named && Handler is Node { Location: var defined } && string.Equals(location.SourceFile, defined.SourceFile, StringComparison.Ordinal))
        {
            if (arguments is null)
            {
                if (location.Start == defined.Start && location.End == defined.End)
                {
                    return s_runtimeLine;
                }
            }
            else
            {
                handler = Compare(location.Start, defined.Start) >= 0 && Compare(location.End, defined.End) <= 0;
            }
        }

        var shifted = location.Start.Line == 1 && location.Start.Column >= CommonJsHead.Length
            && location.SourceFile is { } file && _wrapped.Contains(file);
        if (!handler && !shifted)
        {
            return null;
        }

        // Jint's own format: the end line and the 1-based start column.
        var column = location.Start.Column + 1 - (shifted ? CommonJsHead.Length : 0);
        var name = named ? shortDescription : handler ? "handler" : null;
        return name is null
            ? string.Create(CultureInfo.InvariantCulture, $"    at {location.SourceFile}:{location.End.Line}:{column}{Environment.NewLine}")
            : string.Create(CultureInfo.InvariantCulture, $"    at {name} ({location.SourceFile}:{location.End.Line}:{column}){Environment.NewLine}");
    }

    private static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
