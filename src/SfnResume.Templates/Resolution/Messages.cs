namespace SfnResume.Templates.Resolution;

/// <summary>Wording shared by the up-front reference check and by resolution, so both report a problem alike.</summary>
internal static class Messages
{
    public static string RefUnknownName(string name) =>
        $"Ref refers to '{name}', which is not a parameter, resource or pseudo parameter of the template.";

    public static string GetAttUnknownResource(string logicalId) =>
        $"Fn::GetAtt refers to resource '{logicalId}', which is not defined in the template.";

    public static string SubUnknownName(string name) =>
        $"Fn::Sub refers to '${{{name}}}', which is not a variable, parameter, resource or pseudo parameter.";

    public static string SubUnknownResource(string name, string logicalId) =>
        $"Fn::Sub refers to '${{{name}}}', but resource '{logicalId}' is not defined in the template.";

    public static string DependsOnUnknownResource(string logicalId) =>
        $"DependsOn names resource '{logicalId}', which is not defined in the template.";
}
