namespace SfnResume.Templates.Resolution;

/// <summary>Builds <see cref="TemplateException"/>s whose one-line message starts with where the problem is.</summary>
internal static class TemplateErrors
{
    public static TemplateException At(TemplatePath path, string problem) =>
        new($"{path.Describe()}: {problem}", path.Pointer);
}
