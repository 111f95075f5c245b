using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// <c>InputPath</c> or <c>OutputPath</c> (https://states-language.net/#filters): absent keeps the value, JSON null
/// gives <c>{}</c>, a path selects from the value (or from <c>$$</c> or a variable).
/// </summary>
internal sealed class SelectPath
{
    private readonly JsonPathExpression? _path;
    private readonly bool _discard;

    private SelectPath(JsonPathExpression? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    public static SelectPath Identity { get; } = new(null, false);

    public bool IsIdentity => _path is null && !_discard;

    public bool ReadsContext => _path?.Root == JsonPathRoot.Context;

    public static SelectPath Compile(OptionalPath field)
    {
        if (field.IsAbsent)
        {
            return Identity;
        }

        if (field.IsNull)
        {
            return new SelectPath(null, true);
        }

        var path = JsonPathExpression.Parse(field.Path!);
        return path.IsRootOnly && path.Root == JsonPathRoot.Input ? Identity : new SelectPath(path, false);
    }

    public Payload Apply(Frame frame, Payload value)
    {
        if (_discard)
        {
            return Payload.FromNode(new JsonObject(), "{}", shared: false);
        }

        if (_path is null)
        {
            return value;
        }

        var scope = frame.Scope(value.Node, ReadsContext);
        if (!_path.TryEvaluate(scope, out var selected, out var owned))
        {
            throw StatesException.ScopedToState(StatesErrorNames.Runtime, StatesCauses.InvalidPath(_path.Text, _path.DescribeMissing(scope)));
        }

        // A selection from a variable or the context object still belongs to them.
        var shared = !owned && (value.IsShared || _path.Root != JsonPathRoot.Input);
        return value.With(selected, shared);
    }
}

/// <summary>
/// <c>ResultPath</c> (https://states-language.net/#resultpath): absent or <c>$</c> replaces the input with the
/// result, JSON null keeps the input, a reference path writes the result into the state's raw input.
/// </summary>
internal sealed class ResultPathField
{
    private readonly ReferencePath? _path;
    private readonly bool _discard;

    private ResultPathField(ReferencePath? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    public static ResultPathField Replace { get; } = new(null, false);

    public bool IsReplace => _path is null && !_discard;

    public static ResultPathField Compile(OptionalPath field)
    {
        if (field.IsAbsent)
        {
            return Replace;
        }

        if (field.IsNull)
        {
            return new ResultPathField(null, true);
        }

        var path = ReferencePath.Parse(field.Path!);
        return path.IsRoot ? Replace : new ResultPathField(path, false);
    }

    /// <summary>Combines <paramref name="rawInput"/> and <paramref name="result"/>; the raw input is changed only when the payload owns it.</summary>
    public Payload Apply(Payload rawInput, Payload result)
    {
        if (_discard)
        {
            return rawInput;
        }

        if (_path is null)
        {
            return result;
        }

        var root = rawInput.Node;
        if (rawInput.IsShared || root is null)
        {
            root = root?.DeepClone();
        }

        var value = result.Node;
        if (value is not null && (value.Parent is not null || ReferenceEquals(value, root) || result.IsShared || ReferenceEquals(value, rawInput.Node)))
        {
            value = value.DeepClone();
        }

        // The raw input changes in place: its old text no longer applies, so the payload is new.
        return Payload.FromNode(_path.SetInPlace(root, value));
    }
}
