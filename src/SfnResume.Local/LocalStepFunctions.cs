using System.Collections.Concurrent;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Validation;
using SfnResume.Core.Asl;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;
using SfnResume.Local.Replay;
using SfnResume.Storage.Sqlite;

namespace SfnResume.Local;

/// <summary>
/// The Step Functions API on the local engine and the SQLite store. Executions run in the background and every
/// event is stored as it is written; opening the same state directory again continues the executions that were
/// RUNNING from their stored history (replay), so a killed process loses no execution and writes no event twice.
/// </summary>
public sealed partial class LocalStepFunctions : IStepFunctionsApi, IDisposable, IAsyncDisposable
{
    private readonly SqliteStore _store;
    private readonly bool _ownsStore;
    private readonly LocalStepFunctionsOptions _options;
    private readonly TimeProvider _clock;
    private readonly StepFunctionsEngine _engine;
    private readonly LambdaSource? _lambdaSource;
    private readonly ConcurrentDictionary<long, Lazy<CompiledStateMachine>> _compiled = new();
    private readonly ConcurrentDictionary<string, RunningExecution> _running = new(StringComparer.Ordinal);
    private int _disposed;
    private int _replayMismatches;

    /// <summary>Serves the API from <paramref name="store"/> (not disposed with this object).</summary>
    public LocalStepFunctions(SqliteStore store, LocalStepFunctionsOptions? options = null)
        : this(store, options, ownsStore: false)
    {
    }

    private LocalStepFunctions(SqliteStore store, LocalStepFunctionsOptions? options, bool ownsStore)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _ownsStore = ownsStore;
        _options = options ?? new LocalStepFunctionsOptions();
        _clock = _options.TimeProvider;
        if (_options.LambdaInvoker is null)
        {
            _lambdaSource = new LambdaSource(store, _options.Lambdas, _clock);
        }

        _engine = new StepFunctionsEngine(new EngineOptions
        {
            TimeProvider = new ReplayClock(_clock),
            FastForward = _options.FastForward,
            LambdaInvoker = new ReplayingLambdaInvoker(_options.LambdaInvoker ?? _lambdaSource),
            MaxHistoryEvents = _options.MaxHistoryEvents,
            MaxPayloadBytes = _options.MaxPayloadBytes,
            RetryPauseOverrides = _options.RetryPauseOverrides,
            Region = _options.Scope.Region,
            AccountId = _options.Scope.AccountId,
        });
        if (_options.ResumeRunningExecutions)
        {
            ResumedExecutions = ResumeRunning();
        }
    }

    /// <summary>Opens (or creates) the store in <paramref name="stateDirectory"/> and serves the API from it.</summary>
    public static LocalStepFunctions Open(string stateDirectory, LocalStepFunctionsOptions? options = null, SqliteStoreOptions? storeOptions = null)
    {
        // The store judges name reuse and redrive tokens by time: it shares the API's clock.
        var store = SqliteStore.Open(stateDirectory, storeOptions ?? new SqliteStoreOptions { TimeProvider = options?.TimeProvider ?? TimeProvider.System });
        try
        {
            return new LocalStepFunctions(store, options, ownsStore: true);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The store behind the API.</summary>
    public SqliteStore Store => _store;

    /// <summary>Executions found RUNNING when this object was created and continued.</summary>
    public int ResumedExecutions { get; }

    /// <summary>
    /// Events a resumed or redriven run did not repeat as recorded (data that differed, or recorded events it never
    /// wrote again), summed over the runs that ended. Zero when replay is faithful; the history stays consistent
    /// either way (ids continue the stored ones), but a non-zero count means the run diverged from its record.
    /// </summary>
    public int ReplayMismatches => Volatile.Read(ref _replayMismatches);

    /// <summary>Executions running in this process now.</summary>
    public int RunningCount => _running.Count;

    public Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var type = request.Type ?? StateMachineType.Standard;
        RequestValidator.ValidateDefinition(request.Definition!, type);
        var arn = Arns.StateMachine(_options.Scope, request.Name!);
        var (machine, _) = _store.CreateStateMachine(new NewStateMachine
        {
            Arn = arn,
            Name = request.Name!,
            Type = type,
            Definition = request.Definition!,
            RoleArn = request.RoleArn!,
            RevisionId = Guid.NewGuid().ToString(),
            CreationDate = Now(),
            LoggingConfiguration = request.LoggingConfiguration,
            TracingConfiguration = request.TracingConfiguration,
            EncryptionConfiguration = request.EncryptionConfiguration,
            Tags = request.Tags,
        });
        return Task.FromResult(new CreateStateMachineResponse { StateMachineArn = machine.Arn, CreationDate = machine.CreationDate });
    }

    public Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var machine = FindMachine(request.StateMachineArn!);
        return Task.FromResult(machine.ToDescribeResponse(request.IncludedData));
    }

    public Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var existing = FindMachine(request.StateMachineArn!);
        if (request.Definition is { } definition)
        {
            RequestValidator.ValidateDefinition(definition, existing.Type);
        }

        var now = Now();
        var updated = _store.UpdateStateMachine(existing.Arn, new StateMachineUpdate
        {
            Definition = request.Definition,
            RoleArn = request.RoleArn,
            LoggingConfiguration = request.LoggingConfiguration,
            TracingConfiguration = request.TracingConfiguration,
            EncryptionConfiguration = request.EncryptionConfiguration,
            RevisionId = Guid.NewGuid().ToString(),
            UpdateDate = now,
        });
        return Task.FromResult(new UpdateStateMachineResponse { UpdateDate = updated.UpdateDate, RevisionId = updated.Current.RevisionId });
    }

    public async Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var arn = Arns.ParseStateMachine(request.StateMachineArn!).StateMachineArn;

        // AWS deletes asynchronously: the machine is DELETING until its running executions end. Here they are
        // stopped first, then the machine and everything under it goes.
        if (_store.MarkStateMachineDeleting(arn))
        {
            foreach (var running in _running.Values.Where(r => r.StateMachineArn == arn).ToList())
            {
                await running.Live.Stop.CancelAsync().ConfigureAwait(false);
                await running.Task.WaitAsync(ct).ConfigureAwait(false);
            }

            _store.DeleteStateMachine(arn);
        }

        return new DeleteStateMachineResponse();
    }

    public Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var page = _store.ListStateMachines(request.MaxResults ?? 0, request.NextToken);
        return Task.FromResult(new ListStateMachinesResponse
        {
            StateMachines = [.. page.Items.Select(m => m.ToListItem())],
            NextToken = page.NextToken,
        });
    }

    public Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(ValidateStateMachineDefinitionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var kind = request.Type == StateMachineType.Express ? StateMachineKind.Express : StateMachineKind.Standard;
        var parsed = AslParser.Parse(request.Definition!, new AslValidationOptions { Kind = kind });
        var withWarnings = request.Severity == ValidationSeverity.Warning;
        var shown = parsed.Diagnostics.Where(d => d.IsError || withWarnings).ToList();
        var max = request.MaxResults is null or 0 ? 100 : request.MaxResults.Value;
        return Task.FromResult(new ValidateStateMachineDefinitionResponse
        {
            Result = parsed.IsValid ? ValidationResultCode.Ok : ValidationResultCode.Fail,
            Diagnostics = [.. shown.Take(max).Select(d => new ValidateStateMachineDefinitionDiagnostic
            {
                Severity = d.IsError ? ValidationSeverity.Error : ValidationSeverity.Warning,
                Code = d.Code,
                Message = d.Message,
                Location = d.Location,
            })],
            Truncated = shown.Count > max,
        });
    }

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var arn = TaggableArn(request.ResourceArn!);
        var keys = _store.ListTags(arn).Select(t => t.Key).Concat(request.Tags!.Select(t => t.Key)).Distinct(StringComparer.Ordinal).Count();
        if (keys > 50)
        {
            throw SfnServiceException.TooManyTags(request.ResourceArn!);
        }

        _store.TagResource(arn, request.Tags!);
        return Task.FromResult(new TagResourceResponse());
    }

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        _store.UntagResource(TaggableArn(request.ResourceArn!), request.TagKeys!);
        return Task.FromResult(new UntagResourceResponse());
    }

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        return Task.FromResult(new ListTagsForResourceResponse { Tags = _store.ListTags(TaggableArn(request.ResourceArn!)) });
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Executions stay RUNNING in the store (the next open continues them): store what they have written,
        // stop storing, then unwind the runs.
        var runs = _running.Values.ToList();
        foreach (var run in runs)
        {
            await run.Live.DetachAsync().ConfigureAwait(false);
            await run.Live.Stop.CancelAsync().ConfigureAwait(false);
        }

        foreach (var run in runs)
        {
            await run.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _lambdaSource?.Dispose();
        if (_ownsStore)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Now, to the millisecond the store keeps (dates read back compare equal to those returned).</summary>
    private DateTimeOffset Now()
    {
        var now = _clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private StateMachineRecord FindMachine(string stateMachineArn)
    {
        var arn = Arns.ParseStateMachine(stateMachineArn);
        return _store.GetStateMachine(arn.StateMachineArn) ?? throw SfnServiceException.StateMachineDoesNotExist(stateMachineArn);
    }

    private string TaggableArn(string resourceArn)
    {
        var arn = Arns.ParseTaggable(resourceArn);
        if (arn.Kind != SfnArnKind.Activity && _store.GetStateMachine(arn.StateMachineArn) is null)
        {
            throw SfnServiceException.ResourceNotFound(resourceArn);
        }

        return arn.Text;
    }

    private CompiledStateMachine Compile(long versionId, string definition) =>
        _compiled.GetOrAdd(versionId, _ => new Lazy<CompiledStateMachine>(() =>
        {
            var parsed = AslParser.Parse(definition);
            return _engine.Compile(parsed.Definition ?? throw new InvalidOperationException("The stored definition does not parse."));
        })).Value;

    private sealed record RunningExecution(string StateMachineArn, LiveExecution Live, Task Task);
}
