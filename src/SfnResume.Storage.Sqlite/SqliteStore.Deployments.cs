using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Validation;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string FunctionColumns =
        "name, arn, runtime, handler, code_text, code_path, environment, timeout_seconds, stack_name, created, updated";

    private const string StackColumns = "name, stack_id, template_hash, resources, parameters, outputs, created, updated";

    /// <summary>Creates or replaces a function (by name).</summary>
    public void PutFunction(FunctionRecord function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Write(tx => Prepared(tx, $"""
            INSERT INTO functions ({FunctionColumns})
            VALUES ($name, $arn, $runtime, $handler, $code, $path, $env, $timeout, $stack, $created, $updated)
            ON CONFLICT (name) DO UPDATE SET arn = excluded.arn, runtime = excluded.runtime, handler = excluded.handler,
                code_text = excluded.code_text, code_path = excluded.code_path, environment = excluded.environment,
                timeout_seconds = excluded.timeout_seconds, stack_name = excluded.stack_name, updated = excluded.updated
            """)
            .With("$name", function.Name).With("$arn", function.Arn).With("$runtime", function.Runtime)
            .With("$handler", function.Handler).With("$code", function.CodeText).With("$path", function.CodePath)
            .With("$env", function.EnvironmentJson).With("$timeout", function.TimeoutSeconds).With("$stack", function.StackName)
            .With("$created", Sql.Ms(function.Created)).With("$updated", Sql.Ms(function.Updated))
            .ExecuteNonQuery());
    }

    public FunctionRecord? GetFunction(string name) => Read(c =>
    {
        using var command = ReadCommand(c, $"SELECT {FunctionColumns} FROM functions WHERE name = $name OR arn = $name")
            .With("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadFunction(reader) : null;
    });

    /// <summary>All functions, or a stack's, by name.</summary>
    public IReadOnlyList<FunctionRecord> ListFunctions(string? stackName = null) => Read(c =>
    {
        using var command = ReadCommand(c, stackName is null
            ? $"SELECT {FunctionColumns} FROM functions ORDER BY name"
            : $"SELECT {FunctionColumns} FROM functions WHERE stack_name = $stack ORDER BY name").With("$stack", stackName);
        using var reader = command.ExecuteReader();
        var items = new List<FunctionRecord>();
        while (reader.Read())
        {
            items.Add(ReadFunction(reader));
        }

        return items;
    });

    public bool DeleteFunction(string name) =>
        Write(tx => Prepared(tx, "DELETE FROM functions WHERE name = $name").With("$name", name).ExecuteNonQuery() == 1);

    /// <summary>Creates or replaces a stack (by name); its functions stay.</summary>
    public void PutStack(StackRecord stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        Write(tx => Prepared(tx, $"""
            INSERT INTO stacks ({StackColumns}) VALUES ($name, $id, $hash, $resources, $parameters, $outputs, $created, $updated)
            ON CONFLICT (name) DO UPDATE SET stack_id = excluded.stack_id, template_hash = excluded.template_hash,
                resources = excluded.resources, parameters = excluded.parameters, outputs = excluded.outputs,
                updated = excluded.updated
            """)
            .With("$name", stack.Name).With("$id", stack.StackId).With("$hash", stack.TemplateHash)
            .With("$resources", stack.ResourcesJson).With("$parameters", stack.ParametersJson).With("$outputs", stack.OutputsJson)
            .With("$created", Sql.Ms(stack.Created)).With("$updated", Sql.Ms(stack.Updated))
            .ExecuteNonQuery());
    }

    public StackRecord? GetStack(string name) => Read(c =>
    {
        using var command = ReadCommand(c, $"SELECT {StackColumns} FROM stacks WHERE name = $name").With("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStack(reader) : null;
    });

    public IReadOnlyList<StackRecord> ListStacks() => Read(c =>
    {
        using var command = ReadCommand(c, $"SELECT {StackColumns} FROM stacks ORDER BY name");
        using var reader = command.ExecuteReader();
        var items = new List<StackRecord>();
        while (reader.Read())
        {
            items.Add(ReadStack(reader));
        }

        return items;
    });

    /// <summary>Removes a stack and the functions it deployed.</summary>
    public bool DeleteStack(string name) =>
        Write(tx => Prepared(tx, "DELETE FROM stacks WHERE name = $name").With("$name", name).ExecuteNonQuery() == 1);

    /// <summary>Adds or overwrites tags of a state machine: ResourceNotFound for another ARN, TooManyTags past 50.</summary>
    public void TagResource(string resourceArn, IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(tags);
        Write(tx =>
        {
            EnsureTaggable(tx, resourceArn);
            UpsertTags(tx, resourceArn, tags);
            var count = (long)Prepared(tx, "SELECT COUNT(*) FROM tags WHERE resource_arn = $arn").With("$arn", resourceArn).ExecuteScalar()!;
            return count > RequestValidator.MaxTagsPerResource ? throw SfnServiceException.TooManyTags(resourceArn) : 0;
        });
    }

    public void UntagResource(string resourceArn, IReadOnlyList<string> tagKeys)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(tagKeys);
        Write(tx =>
        {
            EnsureTaggable(tx, resourceArn);
            foreach (var key in tagKeys)
            {
                Prepared(tx, "DELETE FROM tags WHERE resource_arn = $arn AND key = $key").With("$arn", resourceArn).With("$key", key)
                    .ExecuteNonQuery();
            }

            return 0;
        });
    }

    /// <summary>Tags in key order; ResourceNotFound for an unknown resource.</summary>
    public IReadOnlyList<Tag> ListTags(string resourceArn) => Read(c =>
    {
        if (FindMachine(c, null, resourceArn) is null)
        {
            throw SfnServiceException.ResourceNotFound(resourceArn);
        }

        using var command = ReadCommand(c, "SELECT key, value FROM tags WHERE resource_arn = $arn ORDER BY key").With("$arn", resourceArn);
        using var reader = command.ExecuteReader();
        var tags = new List<Tag>();
        while (reader.Read())
        {
            tags.Add(new Tag { Key = reader.GetString(0), Value = reader.GetString(1) });
        }

        return tags;
    });

    private void EnsureTaggable(SqliteTransaction tx, string resourceArn)
    {
        if (FindMachine(tx.Connection!, tx, resourceArn) is null)
        {
            throw SfnServiceException.ResourceNotFound(resourceArn);
        }
    }

    private void UpsertTags(SqliteTransaction tx, string resourceArn, IReadOnlyList<Tag> tags)
    {
        foreach (var tag in tags)
        {
            Prepared(tx, "INSERT INTO tags (resource_arn, key, value) VALUES ($arn, $key, $value) ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value")
                .With("$arn", resourceArn).With("$key", tag.Key ?? "").With("$value", tag.Value ?? "").ExecuteNonQuery();
        }
    }

    private static FunctionRecord ReadFunction(SqliteDataReader r) => new()
    {
        Name = r.GetString(0),
        Arn = r.GetString(1),
        Runtime = r.GetString(2),
        Handler = r.GetString(3),
        CodeText = r.NullableString(4),
        CodePath = r.NullableString(5),
        EnvironmentJson = r.NullableString(6),
        TimeoutSeconds = r.GetInt32(7),
        StackName = r.NullableString(8),
        Created = r.Instant(9),
        Updated = r.Instant(10),
    };

    private static StackRecord ReadStack(SqliteDataReader r) => new()
    {
        Name = r.GetString(0),
        StackId = r.GetString(1),
        TemplateHash = r.GetString(2),
        ResourcesJson = r.GetString(3),
        ParametersJson = r.NullableString(4),
        OutputsJson = r.NullableString(5),
        Created = r.Instant(6),
        Updated = r.Instant(7),
    };
}
