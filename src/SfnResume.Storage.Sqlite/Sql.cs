using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

/// <summary>Parameter and column helpers: instants as epoch milliseconds, configuration objects as JSON.</summary>
internal static class Sql
{
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string? ToJson<T>(T? value, JsonTypeInfo<T> info)
        where T : class => value is null ? null : JsonSerializer.Serialize(value, info);

    public static T? FromJson<T>(this SqliteDataReader reader, int ordinal, JsonTypeInfo<T> info)
        where T : class => reader.IsDBNull(ordinal) ? null : JsonSerializer.Deserialize(reader.GetString(ordinal), info);
}
