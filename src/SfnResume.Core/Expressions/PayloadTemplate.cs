using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions;

/// <summary>
/// A compiled JSONPath-mode payload template: Parameters, ResultSelector, ItemSelector, and Assign
/// (https://states-language.net/#payload-template). A member whose name ends in <c>.$</c> takes a path or an
/// intrinsic call and is written without the suffix; every other value is copied literally, recursively
/// through objects and arrays.
/// </summary>
/// <remarks>
/// Compile once (<see cref="Compile"/>), evaluate per state entry. Evaluation never modifies the template or
/// the scope's documents and returns a new tree owned by the caller.
/// </remarks>
public sealed class PayloadTemplate
{
    private readonly TemplateNode _root;

    private PayloadTemplate(TemplateNode root, bool isStatic)
    {
        _root = root;
        IsStatic = isStatic;
    }

    /// <summary>True when the template has no <c>.$</c> member (its output never depends on the input).</summary>
    public bool IsStatic { get; }

    /// <summary>
    /// Compiles a template. Throws <see cref="PayloadTemplateException"/> naming the offending member when a
    /// <c>.$</c> value is not a string holding a path or intrinsic call.
    /// </summary>
    public static PayloadTemplate Compile(JsonNode? template)
    {
        var isStatic = true;
        var root = CompileNode(template, "", ref isStatic);
        return new PayloadTemplate(root, isStatic);
    }

    /// <summary>Builds the payload for one evaluation.</summary>
    public JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _root.Evaluate(scope, random);
    }

    private static TemplateNode CompileNode(JsonNode? node, string pointer, ref bool isStatic)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = new TemplateMember[obj.Count];
                var i = 0;
                foreach (var member in obj)
                {
                    var memberPointer = pointer + "/" + member.Key;
                    if (member.Key.EndsWith(".$", StringComparison.Ordinal) && member.Key.Length > 2)
                    {
                        isStatic = false;
                        if (!JsonNodes.TryGetString(member.Value, out var text))
                        {
                            throw new PayloadTemplateException(memberPointer, $"The value of '{member.Key}' must be a string holding a JSONPath or an intrinsic function call");
                        }

                        DynamicValue value;
                        try
                        {
                            value = DynamicValue.Parse(text);
                        }
                        catch (JsonPathParseException e)
                        {
                            throw new PayloadTemplateException(memberPointer, $"The value of '{member.Key}' is not a valid JSONPath or intrinsic function call: {e.Message}", e);
                        }

                        members[i++] = new TemplateMember(member.Key[..^2], new DynamicNode(value, member.Key));
                    }
                    else
                    {
                        members[i++] = new TemplateMember(member.Key, CompileNode(member.Value, memberPointer, ref isStatic));
                    }
                }

                return new ObjectNode(members);
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                for (var j = 0; j < array.Count; j++)
                {
                    items[j] = CompileNode(array[j], pointer + "/" + j, ref isStatic);
                }

                return new ArrayNode(items);
            default:
                return new LiteralNode(JsonNodes.Clone(node));
        }
    }

    private abstract class TemplateNode
    {
        public abstract JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random);
    }

    private sealed class LiteralNode(JsonNode? value) : TemplateNode
    {
        public override JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random) => JsonNodes.Clone(value);
    }

    private sealed class DynamicNode(DynamicValue value, string field) : TemplateNode
    {
        public override JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random) => value.Evaluate(scope, random, field);
    }

    private readonly record struct TemplateMember(string Name, TemplateNode Value);

    private sealed class ObjectNode(TemplateMember[] members) : TemplateNode
    {
        public override JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random)
        {
            var result = new JsonObject();
            foreach (var member in members)
            {
                // Indexer, not Add: "a" and "a.$" in one template both write "a"; the later one wins.
                result[member.Name] = member.Value.Evaluate(scope, random);
            }

            return result;
        }
    }

    private sealed class ArrayNode(TemplateNode[] items) : TemplateNode
    {
        public override JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(item.Evaluate(scope, random));
            }

            return result;
        }
    }
}

/// <summary>A payload template that cannot be compiled; <see cref="Pointer"/> locates the member (e.g. <c>/a/b.$</c>).</summary>
public sealed class PayloadTemplateException : FormatException
{
    public PayloadTemplateException(string pointer, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Pointer = pointer;
    }

    public PayloadTemplateException()
        : this(string.Empty, "Invalid payload template")
    {
    }

    public PayloadTemplateException(string message)
        : this(string.Empty, message)
    {
    }

    public PayloadTemplateException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>JSON-pointer-like location of the member inside the template.</summary>
    public string Pointer { get; }
}
