namespace SfnResume.Cli.Infrastructure;

/// <summary>File access with user-facing errors that name the file and the option it came from.</summary>
internal static class CliFiles
{
    public static string ReadText(string path, string optionName)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReadError(path, optionName, ex);
        }
    }

    public static byte[] ReadBytes(string path, string optionName)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReadError(path, optionName, ex);
        }
    }

    public static void WriteText(string path, string text)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            // Write beside the target and move over it, so an interrupted write never leaves half a file.
            var temp = path + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot write '{path}': {Describe(ex)}");
        }
    }

    /// <summary>The one-line error for a file that cannot be read.</summary>
    public static CliUserException ReadError(string path, string optionName, Exception ex) =>
        new($"{optionName}: cannot read '{path}': {(Directory.Exists(path) ? "it is a directory" : Describe(ex))}");

    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
