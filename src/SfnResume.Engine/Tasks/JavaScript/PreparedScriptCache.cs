using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>The handler file in Node's CommonJS wrapper, parsed once per distinct file and text and shared by every handler
/// engine that loads it: parsing costs far more than building an engine, and a fresh handler per execution (module state
/// starting over) would otherwise parse the same file again each time. A prepared script holds no engine state, which is
/// what Jint prepares scripts for.</summary>
internal static class PreparedScriptCache
{
    // Handlers come from a few files; a process that loads many distinct ones starts over rather than growing without end.
    private const int Capacity = 256;

    private static readonly ConcurrentDictionary<(string Path, string Code), CommonJsScript> s_scripts = new();

    /// <summary>The wrapped module for <paramref name="code"/> loaded from <paramref name="path"/> (the path names the
    /// file in stack traces, so it is part of the key).</summary>
    public static CommonJsScript Get(string path, string code)
    {
        if (s_scripts.TryGetValue((path, code), out var found))
        {
            return found;
        }

        var script = Prepare(path, code);
        if (s_scripts.Count >= Capacity)
        {
            s_scripts.Clear();
        }

        return s_scripts.GetOrAdd((path, code), script);
    }

    private static CommonJsScript Prepare(string path, string code)
    {
        try
        {
            // Node's CommonJS wrapper, on the first line so that line numbers in traces stay those of the file (columns on
            // that line are corrected when stacks are written: HandlerFrames).
            return new CommonJsScript(JsEngine.PrepareScript(HandlerFrames.CommonJsHead + code + "\n})", path), null);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is Acornima.ParseErrorException parse)
        {
            return new CommonJsScript(null, "SyntaxError: " + parse.Description);
        }
    }
}

/// <summary>A parsed CommonJS module, or the syntax error that stopped it (reported on the first call, as the runtime does).</summary>
internal sealed record CommonJsScript(Prepared<Script>? Script, string? SyntaxError);
