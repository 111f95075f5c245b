using System.Security.Cryptography;
using System.Text;

namespace SfnResume.Templates.Resolution;

/// <summary>
/// Names CloudFormation gives resources that the template leaves unnamed: <c>stack-LogicalId-SUFFIX</c>, with a
/// 13-character upper-case alphanumeric suffix. CloudFormation draws the suffix at random; here it is a hash of the
/// stack name and logical id, so deploying the same stack again gives the same names. When the name is too long
/// for the service, the stack-name part is cut first, then the logical id, as CloudFormation does
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html).
/// </summary>
internal static class PhysicalNames
{
    public const int SuffixLength = 13;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Generate(string stackName, string logicalId, int maxLength, bool lowerCase = false)
    {
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
        return lowerCase ? name.ToLowerInvariant() : name;
    }

    /// <summary>A stable random-looking string of <paramref name="length"/> characters from A-Z and 0-9.</summary>
    public static string Suffix(string stackName, string logicalId, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stackName + "\n" + logicalId));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>A stable GUID for the stack id, from the stack name.</summary>
    public static Guid StackGuid(string stackName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("stack\n" + stackName));
        return new Guid(hash.AsSpan(0, 16));
    }
}
