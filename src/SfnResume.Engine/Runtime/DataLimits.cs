using System.Text;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// The payload quota: inputs, outputs and results are at most 256 KiB of UTF-8
/// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-task-executions).
/// </summary>
internal static class DataLimits
{
    public const int MaxPayloadBytes = 262_144;

    /// <summary>Executions write at most this many history events.</summary>
    public const int MaxHistoryEvents = 25_000;

    /// <summary>True when <paramref name="json"/> is larger than the quota in UTF-8.</summary>
    public static bool ExceedsPayloadLimit(string json, int? limit)
    {
        if (limit is not { } max)
        {
            return false;
        }

        if (max != MaxPayloadBytes)
        {
            return json.Length > max || Encoding.UTF8.GetByteCount(json) > max;
        }

        // Every UTF-16 unit takes at most 3 bytes, at least 1: skip the exact count when the answer is certain.
        if (json.Length <= MaxPayloadBytes / 3)
        {
            return false;
        }

        if (json.Length > MaxPayloadBytes)
        {
            return true;
        }

        return Encoding.UTF8.GetByteCount(json) > MaxPayloadBytes;
    }

    /// <summary>AWS's recorded cause for a state output over the quota.</summary>
    public static string StateResultTooLarge(string stateName) =>
        "The state/task '" + stateName + "' returned a result with a size exceeding the maximum number of bytes service limit.";
}
