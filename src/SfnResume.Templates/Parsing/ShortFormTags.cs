namespace SfnResume.Templates.Parsing;

/// <summary>
/// The YAML short forms of CloudFormation intrinsic functions (<c>!Sub</c> for <c>Fn::Sub</c>, <c>!Ref</c> for
/// <c>Ref</c>). See https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html.
/// Functions the reader does not support still map here, so the error names the function rather than the tag.
/// </summary>
internal static class ShortFormTags
{
    private static readonly Dictionary<string, string> s_longForms = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!Sub"] = "Fn::Sub",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!If"] = "Fn::If",
        ["!Equals"] = "Fn::Equals",
        ["!Not"] = "Fn::Not",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!Base64"] = "Fn::Base64",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Cidr"] = "Fn::Cidr",
        ["!Transform"] = "Fn::Transform",
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
    };

    public static bool TryGetLongForm(string tag, out string longForm) =>
        s_longForms.TryGetValue(tag, out longForm!);
}
