using System.Globalization;
using System.Text;

namespace SfnResume.Api.Validation;

/// <summary>
/// Collects model-constraint violations in the form AWS's front end reports them
/// (<c>Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000</c>)
/// and throws one ValidationException for all of them, as AWS does ("N validation errors detected: ...; ...").
/// </summary>
internal sealed class ConstraintChecker
{
    private readonly List<string> _violations = [];

    public void Required(object? value, string member)
    {
        if (value is null)
        {
            _violations.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
    }

    /// <summary>Length in characters; <paramref name="sensitive"/> members are reported without their value.</summary>
    public void Length(string? value, string member, int min, int max, bool sensitive = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < min)
        {
            Add(value, member, $"Member must have length greater than or equal to {min}", sensitive);
        }
        else if (value.Length > max)
        {
            Add(value, member, $"Member must have length less than or equal to {max}", sensitive);
        }
    }

    /// <summary>Length in UTF-8 bytes (execution input and output: 256 KiB).</summary>
    public void Utf8Length(string? value, string member, int max, bool sensitive = true)
    {
        if (value is not null && value.Length > max / 4 && Encoding.UTF8.GetByteCount(value) > max)
        {
            Add(value, member, $"Member must have length less than or equal to {max}", sensitive);
        }
    }

    public void Range(int? value, string member, int min, int max)
    {
        if (value is not { } v)
        {
            return;
        }

        var text = v.ToString(CultureInfo.InvariantCulture);
        if (v < min)
        {
            Add(text, member, $"Member must have value greater than or equal to {min}", false);
        }
        else if (v > max)
        {
            Add(text, member, $"Member must have value less than or equal to {max}", false);
        }
    }

    public void Enum(string? value, string member, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(value, member, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]", false);
        }
    }

    public void Pattern(string? value, string member, Func<string, bool> matches, string pattern, bool sensitive = false)
    {
        if (value is not null && !matches(value))
        {
            Add(value, member, $"Member must satisfy regular expression pattern: {pattern}", sensitive);
        }
    }

    public void ListLength<T>(IReadOnlyList<T>? value, string member, int max)
    {
        if (value is not null && value.Count > max)
        {
            Add("[" + string.Join(", ", value) + "]", member, $"Member must have length less than or equal to {max}", false);
        }
    }

    /// <summary>Throws the ValidationException when anything was collected.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw SfnServiceException.Validation(_violations);
        }
    }

    // Sensitive members (definition, input, cause ...) are not echoed back; AWS's exact rendering for them is unconfirmed.
    private void Add(string value, string member, string constraint, bool sensitive) =>
        _violations.Add(sensitive
            ? $"Value at '{member}' failed to satisfy constraint: {constraint}"
            : $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
