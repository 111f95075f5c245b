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

    /// <summary>For <c>$.name</c> (a plain identifier): <c>"name":</c>, the member's compact JSON prefix.</summary>
    private readonly string? _memberPrefix;

    private ResultPathField(ReferencePath? path, bool discard)
    {
        _path = path;
        _discard = discard;
        if (path is not null && IsTopLevelIdentifier(path.Text))
        {
            _memberPrefix = "\"" + path.Text[2..] + "\":";
        }
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

        // A new top-level member is written last (object members keep insertion order), so the output's text is
        // the input's text with the member appended: the input is not serialised a second time. The input's text
        // is read before the change (it is the text of the unchanged input, known since the state was entered).
        var inputText = _memberPrefix is not null && root is JsonObject && rawInput.HasCompactText && result.HasCompactText ? rawInput.Text : null;
        var membersBefore = (root as JsonObject)?.Count ?? 0;

        // The raw input changes in place: its old text no longer applies, so the payload is new.
        var output = _path.SetInPlace(root, value);
        return inputText is not null && output is JsonObject written && ReferenceEquals(written, root) && written.Count == membersBefore + 1
            ? Payload.FromCompactText(output, Append(inputText, _memberPrefix!, result.Text))
            : Payload.FromNode(output);
    }

    /// <summary><c>{...}</c> + member = <c>{...,"name":value}</c> (<c>{"name":value}</c> for <c>{}</c>), written in one string.</summary>
    private static string Append(string objectText, string memberPrefix, string valueText)
    {
        // Everything before the closing brace, with a comma when the object has members.
        var head = objectText.Length == 2 ? 1 : objectText.Length;
        return string.Create(head + memberPrefix.Length + valueText.Length + 1, (objectText, memberPrefix, valueText), static (span, parts) =>
        {
            var (obj, prefix, value) = parts;
            obj.AsSpan(0, obj.Length - 1).CopyTo(span);
            var at = obj.Length - 1;
            if (obj.Length > 2)
            {
                span[at++] = ',';
            }

            prefix.CopyTo(span[at..]);
            at += prefix.Length;
            value.CopyTo(span[at..]);
            span[^1] = '}';
        });
    }

    /// <summary><c>$.</c> followed by an identifier (letters, digits, underscore; not starting with a digit): one member of the root, no escaping.</summary>
    private static bool IsTopLevelIdentifier(string path)
    {
        if (path.Length < 3 || !path.StartsWith("$.", StringComparison.Ordinal) || char.IsAsciiDigit(path[2]))
        {
            return false;
        }

        for (var i = 2; i < path.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(path[i]) && path[i] != '_')
            {
                return false;
            }
        }

        return true;
    }
}
