namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>A callable value: lambda, built-in, partial application, regex, chain or transform.</summary>
internal abstract class JFunction
{
    public abstract int Arity { get; }

    public virtual Signature? Signature => null;
}

/// <summary>A <c>function($x){...}</c> closure.</summary>
internal sealed class LambdaFunction : JFunction
{
    public LambdaFunction(Node node, object? input, Frame environment)
    {
        Node = node;
        Input = input;
        Environment = environment;
    }

    public Node Node { get; }

    public object? Input { get; }

    public Frame Environment { get; }

    public bool Thunk => Node.Thunk;

    public override int Arity => Node.Arguments!.Count;

    public override Signature? Signature => Node.Signature;
}

internal delegate object? NativeImplementation(CallContext context, List<object?> args);

/// <summary>A built-in function with its signature.</summary>
internal sealed class NativeFunction : JFunction
{
    public NativeFunction(string name, string signature, NativeImplementation implementation)
    {
        Name = name;
        ParsedSignature = Jsonata.Signature.Parse(signature);
        Implementation = implementation;
    }

    public string Name { get; }

    public Signature ParsedSignature { get; }

    public NativeImplementation Implementation { get; }

    public override int Arity => ParsedSignature.RequiredArity;

    public override Signature? Signature => ParsedSignature;
}

/// <summary>The result of <c>$f(a, ?, c)</c>: remaining arguments fill the placeholders in order.</summary>
internal sealed class PartialFunction : JFunction
{
    public static readonly object Placeholder = new();

    public PartialFunction(JFunction target, List<object?> args)
    {
        Target = target;
        Args = args;
    }

    public JFunction Target { get; }

    public List<object?> Args { get; }

    public override int Arity
    {
        get
        {
            var n = 0;
            foreach (var a in Args)
            {
                if (ReferenceEquals(a, Placeholder))
                {
                    n++;
                }
            }

            return n;
        }
    }
}

/// <summary><c>$f ~> $g</c> for two functions: a function that applies f then g.</summary>
internal sealed class ChainFunction : JFunction
{
    public ChainFunction(JFunction first, JFunction second)
    {
        First = first;
        Second = second;
    }

    public JFunction First { get; }

    public JFunction Second { get; }

    public override int Arity => 1;
}

/// <summary>The function produced by the transform operator <c>| pattern | update, delete |</c>.</summary>
internal sealed class TransformFunction : JFunction
{
    private static readonly Signature s_signature = Jsonata.Signature.Parse("<(oa):o>");

    public TransformFunction(Node node, Frame environment)
    {
        Node = node;
        Environment = environment;
    }

    public Node Node { get; }

    public Frame Environment { get; }

    public override int Arity => 1;

    public override Signature? Signature => s_signature;
}

/// <summary>A regular expression literal used as a value (matcher function).</summary>
internal sealed class RegexFunction : JFunction
{
    public RegexFunction(System.Text.RegularExpressions.Regex regex, string source, int position)
    {
        Regex = regex;
        Source = source;
        Position = position;
    }

    public System.Text.RegularExpressions.Regex Regex { get; }

    public string Source { get; }

    public int Position { get; }

    public override int Arity => 1;
}

/// <summary>What a built-in sees when it runs: the evaluator, the calling frame and the context value.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, Frame Environment, object? Input, int Position, string? Token)
{
    public Evaluator State => Evaluator;

    public object? Call(JFunction function, params object?[] args) =>
        Evaluator.Apply(function, new List<object?>(args), null, Environment, Position);

    /// <summary>Calls a function-valued argument with as many of the given arguments as it declares.</summary>
    public object? CallWithArity(JFunction function, params object?[] args)
    {
        var arity = function.Arity;
        var list = new List<object?>(args.Length);
        for (var i = 0; i < args.Length && (i < arity || i == 0); i++)
        {
            list.Add(args[i]);
        }

        return Evaluator.Apply(function, list, null, Environment, Position);
    }
}
