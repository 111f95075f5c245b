using SfnResume.Api.Contracts;

namespace SfnResume.Api.Validation;

public static partial class RequestValidator
{
    /// <summary>AWS allows 50 tags per resource.</summary>
    public const int MaxTagsPerResource = 50;

    private static void RequiredArn(ConstraintChecker c, string? arn, string member)
    {
        c.Required(arn, member);
        c.Length(arn, member, 1, ArnMax);
    }

    private static void CheckStart(ConstraintChecker c, string? stateMachineArn, string? name, string? input, string? traceHeader)
    {
        RequiredArn(c, stateMachineArn, "stateMachineArn");
        c.Length(name, "name", 1, ResourceNames.MaxLength);
        c.Utf8Length(input, "input", DataMax);
        c.Length(traceHeader, "traceHeader", 0, 256);
        c.Pattern(traceHeader, "traceHeader", t => t.All(char.IsAscii), "\\p{ASCII}*");
    }

    private static void CheckStartSemantics(string stateMachineArn, string? name, string? input)
    {
        Arns.ParseStateMachine(stateMachineArn);
        if (name is not null)
        {
            ResourceNames.EnsureValidCharacters(name);
        }

        ValidateExecutionInput(input);
    }

    private static void CheckLogging(ConstraintChecker c, LoggingConfiguration? logging)
    {
        if (logging is null)
        {
            return;
        }

        c.Enum(logging.Level, "loggingConfiguration.level", LogLevel.AllValues);
        if (logging.Destinations is { } destinations)
        {
            for (var i = 0; i < destinations.Count; i++)
            {
                c.Length(destinations[i].CloudWatchLogsLogGroup?.LogGroupArn,
                    $"loggingConfiguration.destinations.{i + 1}.member.cloudWatchLogsLogGroup.logGroupArn", 1, ArnMax);
            }
        }
    }

    /// <summary>
    /// A level other than OFF needs exactly one destination, and more than one is never accepted (recorded:
    /// <c>Invalid Logging Configuration: Must specify exactly one Log Destination.</c>).
    /// </summary>
    private static void CheckLoggingDestinations(LoggingConfiguration? logging)
    {
        if (logging is null)
        {
            return;
        }

        var count = logging.Destinations?.Count ?? 0;
        var level = logging.Level ?? LogLevel.Off;
        if (count > 1 || (level != LogLevel.Off && count != 1))
        {
            throw SfnServiceException.InvalidLoggingConfiguration("Must specify exactly one Log Destination.");
        }
    }

    private static void CheckTags(ConstraintChecker c, IReadOnlyList<Tag>? tags, string member)
    {
        if (tags is null)
        {
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            c.Length(tags[i].Key, $"{member}.{i + 1}.member.key", 1, 128);
            c.Length(tags[i].Value, $"{member}.{i + 1}.member.value", 0, 256);
        }
    }

    private static void CheckTagCount(IReadOnlyList<Tag>? tags, string? resourceArn)
    {
        if (tags is { Count: > MaxTagsPerResource })
        {
            throw SfnServiceException.TooManyTags(resourceArn ?? "");
        }
    }

    private static void CheckEncryption(ConstraintChecker c, EncryptionConfiguration? encryption)
    {
        if (encryption is null)
        {
            return;
        }

        c.Required(encryption.Type, "encryptionConfiguration.type");
        c.Enum(encryption.Type, "encryptionConfiguration.type", EncryptionType.AllValues);
        c.Length(encryption.KmsKeyId, "encryptionConfiguration.kmsKeyId", 1, 2048);
        c.Range(encryption.KmsDataKeyReusePeriodSeconds, "encryptionConfiguration.kmsDataKeyReusePeriodSeconds", 60, 900);
    }

    /// <summary>Recorded from AWS for CreateStateMachine with a description and no publish.</summary>
    private static void CheckVersionDescription(bool? publish, string? versionDescription)
    {
        if (versionDescription is not null && publish != true)
        {
            throw SfnServiceException.ValidationMessage("Version description can only be set when publish is true");
        }
    }

    /// <summary>An IAM role ARN: <c>arn:partition:iam::account:role/name</c> (message for other values unconfirmed).</summary>
    private static void CheckRoleArn(string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "iam"
            || !parts[5].StartsWith("role/", StringComparison.Ordinal) || parts[5].Length <= "role/".Length)
        {
            throw SfnServiceException.InvalidArnPrefix(roleArn);
        }
    }
}
