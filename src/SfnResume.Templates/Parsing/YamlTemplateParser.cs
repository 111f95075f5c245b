using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SfnResume.Templates.Parsing;

/// <summary>
/// Reads YAML into JSON nodes straight from the YamlDotNet event stream (no intermediate document model).
/// Plain scalars get YAML 1.2 core-schema types; quoted scalars stay strings. Short-form tags become their
/// long forms: <c>!GetAtt A.Arn</c> becomes <c>{"Fn::GetAtt": ["A", "Arn"]}</c>.
/// </summary>
internal static partial class YamlTemplateParser
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    public static JsonNode? Parse(string text, string what)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var reader = new Reader(parser, what);
            var root = reader.ReadNode();
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var current = parser.Current!;
                throw new TemplateException(
                    $"{what} holds more than one YAML document (second one at line {current.Start.Line}).",
                    null, (int)current.Start.Line, (int)current.Start.Column);
            }

            return root;
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line;
            var column = (int)ex.Start.Column;
            throw new TemplateException(
                $"{what} is not valid YAML at line {line}, column {column}: {StripMarks(ex.Message)}",
                null, line, column, ex);
        }
    }

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (Line: ...): "; the line is reported separately.
    private static string StripMarks(string message) => MarkPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    // "0123" and "012345678901" (an account id) stay strings rather than losing their leading zero.
    [GeneratedRegex(@"^[-+]?0[0-9]")]
    private static partial Regex LeadingZero();

    private sealed class Reader(IParser parser, string what)
    {
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);

        public JsonNode? ReadNode()
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw Error($"refers to unknown anchor '*{alias.Value.Value}'", alias.Start);
                }

                return target?.DeepClone();
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var node = ReadScalar(scalar);
                Remember(scalar.Anchor, node);
                return node;
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode());
                }

                var node = ApplyTag(sequenceStart.Tag, array, sequenceStart.Start);
                Remember(sequenceStart.Anchor, node);
                return node;
            }

            if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                var node = ApplyTag(mappingStart.Tag, ReadMapping(), mappingStart.Start);
                Remember(mappingStart.Anchor, node);
                return node;
            }

            var unexpected = parser.Current!;
            throw Error($"has an unexpected {unexpected.GetType().Name}", unexpected.Start);
        }

        private JsonObject ReadMapping()
        {
            var mapping = new JsonObject();
            var fromMerge = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                if (keyEvent is not Scalar keyScalar)
                {
                    throw Error("has a mapping key that is not a plain string", keyEvent.Start);
                }

                parser.MoveNext();
                var key = keyScalar.Value;
                var value = ReadNode();
                if (key == "<<" && keyScalar.Style == ScalarStyle.Plain && value is JsonObject merged)
                {
                    // YAML merge key: keys already present win over merged ones.
                    foreach (var (mergedKey, mergedValue) in merged.ToList())
                    {
                        if (!mapping.ContainsKey(mergedKey))
                        {
                            mapping[mergedKey] = mergedValue?.DeepClone();
                            fromMerge.Add(mergedKey);
                        }
                    }

                    continue;
                }

                if (fromMerge.Remove(key))
                {
                    mapping[key] = value;
                    continue;
                }

                if (mapping.ContainsKey(key))
                {
                    throw Error($"has a duplicate key '{key}'", keyScalar.Start);
                }

                mapping[key] = value;
            }

            return mapping;
        }

        private JsonNode? ReadScalar(Scalar scalar)
        {
            var tag = scalar.Tag;
            if (tag.IsEmpty)
            {
                return scalar.Style == ScalarStyle.Plain ? TypedPlainScalar(scalar.Value) : JsonValue.Create(scalar.Value);
            }

            if (tag.IsNonSpecific)
            {
                return JsonValue.Create(scalar.Value);
            }

            var name = tag.Value;
            if (name.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
            {
                return name[YamlTagPrefix.Length..] switch
                {
                    "str" => JsonValue.Create(scalar.Value),
                    "null" => null,
                    _ => TypedPlainScalar(scalar.Value),
                };
            }

            if (name == "!GetAtt")
            {
                // !GetAtt Resource.Attribute; the attribute may itself hold dots (Endpoint.Address).
                var dot = scalar.Value.IndexOf('.', StringComparison.Ordinal);
                var args = dot < 0
                    ? new JsonArray(JsonValue.Create(scalar.Value))
                    : new JsonArray(JsonValue.Create(scalar.Value[..dot]), JsonValue.Create(scalar.Value[(dot + 1)..]));
                return new JsonObject { ["Fn::GetAtt"] = args };
            }

            return ApplyTag(tag, JsonValue.Create(scalar.Value), scalar.Start);
        }

        private JsonNode? ApplyTag(TagName tag, JsonNode? node, Mark start)
        {
            if (tag.IsEmpty || tag.IsNonSpecific)
            {
                return node;
            }

            if (tag.Value.StartsWith(YamlTagPrefix, StringComparison.Ordinal))
            {
                return node;
            }

            if (!ShortFormTags.TryGetLongForm(tag.Value, out var longForm))
            {
                throw new TemplateException(
                    $"Unknown tag '{tag.Value}' at line {start.Line}, column {start.Column} of the {what.ToLowerInvariant()}.",
                    null, (int)start.Line, (int)start.Column);
            }

            return new JsonObject { [longForm] = node };
        }

        private void Remember(AnchorName anchor, JsonNode? node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
        }

        private TemplateException Error(string problem, Mark start) =>
            new($"{what} {problem} at line {start.Line}, column {start.Column}.", null, (int)start.Line, (int)start.Column);

        private static JsonNode? TypedPlainScalar(string text)
        {
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            if (FloatPattern().IsMatch(text) && !LeadingZero().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }

            return JsonValue.Create(text);
        }
    }
}
