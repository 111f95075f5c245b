namespace SfnResume.Templates.Resolution;

/// <summary>How CloudFormation shapes a generated name.</summary>
internal enum NameStyle
{
    /// <summary><c>stack-LogicalId-SUFFIX</c> with an upper-case suffix (Lambda functions, IAM roles, most types).</summary>
    StackAndLogicalId,

    /// <summary>The same, all lower case (S3 buckets accept no capitals).</summary>
    StackAndLogicalIdLower,

    /// <summary><c>LogicalId-Suffix</c> with a 12-character mixed-case suffix and no stack name: state machines
    /// (e.g. <c>StateMachine-3ypO3dryEmXE</c>, as reported in aws/aws-sam-cli#2022).</summary>
    LogicalIdOnly,
}

/// <summary>
/// Names CloudFormation gives resources that the template leaves unnamed, mostly <c>stack-LogicalId-SUFFIX</c>
/// with a 13-character upper-case alphanumeric suffix. CloudFormation draws the suffix at random; here it is a hash
/// of the stack name and logical id, so deploying the same stack again gives the same names. When the name is too
/// long for the service, the stack-name part is cut first, then the logical id, as CloudFormation does
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html).
/// </summary>
internal static class PhysicalNames
{
    public const int SuffixLength = 13;
    public const int MixedSuffixLength = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string MixedAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate(string stackName, string logicalId, int maxLength, NameStyle style = NameStyle.StackAndLogicalId)
    {
        if (style == NameStyle.LogicalIdOnly)
        {
            var mixed = Suffix(stackName, logicalId, MixedSuffixLength, MixedAlphabet);
            var room = maxLength - mixed.Length - 1;
            return $"{(logicalId.Length > room ? logicalId[..room] : logicalId)}-{mixed}";
        }

        var suffix = Suffix(stackName, logicalId, SuffixLength);
        var stackPart = stackName;
        var idPart = logicalId;
        var overflow = stackPart.Length + idPart.Length + suffix.Length + 2 - maxLength;
        if (overflow > 0)
        {
            var fromStack = Math.Min(overflow, stackPart.Length - 1);
            stackPart = stackPart[..^fromStack];
            overflow -= fromStack;
        }

        if (overflow > 0)
        {
            idPart = idPart[..Math.Max(1, idPart.Length - overflow)];
        }

        var name = $"{stackPart}-{idPart}-{suffix}";
        return style == NameStyle.StackAndLogicalIdLower ? name.ToLowerInvariant() : name;
    }

    /// <summary>A stable random-looking string of <paramref name="length"/> characters from A-Z and 0-9.</summary>
    public static string Suffix(string stackName, string logicalId, int length, string alphabet = Alphabet)
    {
        var state = Hash(stackName + "\n" + logicalId);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            state = Mix(state);
            chars[i] = alphabet[(int)(state % (ulong)alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A stable GUID for the stack id, from the stack name.</summary>
    public static Guid StackGuid(string stackName)
    {
        var first = Mix(Hash("stack\n" + stackName));
        var second = Mix(first);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, first);
        BitConverter.TryWriteBytes(bytes[8..], second);
        return new Guid(bytes);
    }

    /// <summary>A short stable hex tag for <paramref name="text"/>.</summary>
    public static string HexTag(string text) => (Mix(Hash(text)) & 0xFFFFFFFF).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    // FNV-1a over UTF-16 code units, then SplitMix64 steps to spread the bits. Names need to be stable and
    // well spread, not secret; this avoids loading the platform's cryptography library on every deploy.
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
