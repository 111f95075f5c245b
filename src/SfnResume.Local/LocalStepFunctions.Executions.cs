using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Validation;
using SfnResume.Core.History;
using SfnResume.Engine;
using SfnResume.Local.Replay;
using SfnResume.Storage.Sqlite;

namespace SfnResume.Local;

public sealed partial class LocalStepFunctions
{
    public async Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var smArn = Arns.ParseStateMachine(request.StateMachineArn!);
        var machine = _store.GetStateMachine(smArn.StateMachineArn) ?? throw SfnServiceException.StateMachineDoesNotExist(request.StateMachineArn!);
        var name = request.Name ?? Guid.NewGuid().ToString();
        var input = request.Input ?? "{}";
        RequestValidator.ValidateExecutionInput(input);
        var now = Now();
        var started = StartedEvent(now, input, machine.Current.RoleArn);
        if (machine.Type == StateMachineType.Express)
        {
            // Express executions keep no history in the service: they run in memory only.
            var expressArn = Arns.ExpressExecution(_options.Scope, machine.Name, name, Guid.NewGuid().ToString());
            StartRun(expressArn, machine.Arn, machine.Current, name, input, ReplayPlan.ForStart(started), 0, persist: false);
            return new StartExecutionResponse { ExecutionArn = expressArn, StartDate = now };
        }

        var arn = Arns.ExecutionOf(smArn, name);
        var created = await _store.CreateExecutionAsync(new NewExecution
        {
            Arn = arn,
            StateMachineArn = machine.Arn,
            Name = name,
            Input = input,
            StartDate = now,
            DefinitionVersionId = machine.Current.Id,
            TraceHeader = request.TraceHeader,
            InitialEvents = [started],
        }, ct).ConfigureAwait(false);
        if (created.Created)
        {
            StartRun(arn, machine.Arn, machine.Current, name, input, ReplayPlan.ForStart(started), 0, persist: true);
        }

        return new StartExecutionResponse { ExecutionArn = created.Execution.Arn, StartDate = created.Execution.StartDate };
    }

    public async Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var smArn = Arns.ParseStateMachine(request.StateMachineArn!);
        var machine = _store.GetStateMachine(smArn.StateMachineArn) ?? throw SfnServiceException.StateMachineDoesNotExist(request.StateMachineArn!);
        if (machine.Type != StateMachineType.Express)
        {
            throw SfnServiceException.StateMachineTypeNotSupported();
        }

        var name = request.Name ?? Guid.NewGuid().ToString();
        var input = request.Input ?? "{}";
        RequestValidator.ValidateExecutionInput(input);
        var now = Now();
        var arn = Arns.ExpressExecution(_options.Scope, machine.Name, name, Guid.NewGuid().ToString());
        var run = StartRun(arn, machine.Arn, machine.Current, name, input, ReplayPlan.ForStart(StartedEvent(now, input, machine.Current.RoleArn)), 0, persist: false);
        var outcome = await run.Live.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
        var withData = request.IncludedData != IncludedData.MetadataOnly;
        return new StartSyncExecutionResponse
        {
            ExecutionArn = arn,
            StateMachineArn = machine.Arn,
            Name = name,
            StartDate = now,
            StopDate = outcome.StopDate,
            Status = outcome.Status,
            Error = outcome.Error,
            Cause = outcome.Cause,
            Input = withData ? input : null,
            InputDetails = new CloudWatchEventsExecutionDataDetails { Included = withData },
            Output = withData ? outcome.Output : null,
            OutputDetails = outcome.Output is null ? null : new CloudWatchEventsExecutionDataDetails { Included = withData },
            TraceHeader = request.TraceHeader,
            BillingDetails = new BillingDetails
            {
                BilledMemoryUsedInMB = 64,
                BilledDurationInMilliseconds = Math.Max(100, (long)Math.Ceiling((outcome.StopDate - now).TotalMilliseconds / 100) * 100),
            },
        };
    }

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var execution = FindExecution(request.ExecutionArn!);
        var decision = RedriveEligibility.Evaluate(RedriveFactsOf(execution));
        return Task.FromResult(execution.ToDescribeResponse(decision, request.IncludedData));
    }

    public Task<DescribeStateMachineForExecutionResponse> DescribeStateMachineForExecutionAsync(DescribeStateMachineForExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var execution = FindExecution(request.ExecutionArn!);
        var version = _store.GetDefinitionVersion(execution.DefinitionVersionId) ?? throw SfnServiceException.ExecutionDoesNotExist(request.ExecutionArn!);
        var machine = _store.GetStateMachine(execution.StateMachineArn);
        return Task.FromResult(new DescribeStateMachineForExecutionResponse
        {
            StateMachineArn = execution.StateMachineArn,
            Name = machine?.Name ?? Arns.Parse(execution.StateMachineArn).Name,
            Definition = request.IncludedData == IncludedData.MetadataOnly ? "{}" : version.Definition,
            RoleArn = version.RoleArn,
            UpdateDate = version.Created,
            LoggingConfiguration = version.LoggingConfiguration ?? LoggingConfiguration.Default,
            TracingConfiguration = version.TracingConfiguration ?? TracingConfiguration.Default,
            MapRunArn = execution.MapRunArn,
            RevisionId = version.RevisionId,
            EncryptionConfiguration = version.EncryptionConfiguration,
        });
    }

    public async Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var execution = FindExecution(request.ExecutionArn!);
        if (_running.TryGetValue(execution.Arn, out var running))
        {
            running.Live.StopRequest = (request.Error, request.Cause);
            await running.Live.Stop.CancelAsync().ConfigureAwait(false);
            var outcome = await running.Live.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
            return new StopExecutionResponse { StopDate = outcome.StopDate };
        }

        if (execution.Status == ExecutionStatuses.Running)
        {
            // RUNNING in the store but not here (resuming is off): close it in the store.
            var last = _store.GetLastEventId(execution.Arn);
            var now = Now();
            var aborted = new HistoryEvent
            {
                Id = last + 1,
                PreviousEventId = 0,
                Timestamp = now,
                Type = HistoryEventType.ExecutionAborted,
                ExecutionAbortedEventDetails = new ErrorEventDetails { Error = request.Error, Cause = request.Cause },
            };
            await _store.AppendEventsAsync(execution.Arn, [aborted],
                new ExecutionUpdate { Status = ExecutionStatuses.Aborted, StopDate = now, Error = request.Error, Cause = request.Cause }, WriteUrgency.Now, ct).ConfigureAwait(false);
            return new StopExecutionResponse { StopDate = now };
        }

        return new StopExecutionResponse { StopDate = execution.StopDate ?? Now() };
    }

    public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var machineArn = request.StateMachineArn is { } text ? Arns.ParseStateMachine(text).StateMachineArn : null;
        if (machineArn is not null && _store.GetStateMachine(machineArn) is { Type: StateMachineType.Express })
        {
            throw SfnServiceException.StateMachineTypeNotSupported();
        }

        var page = _store.ListExecutions(new ExecutionQuery
        {
            StateMachineArn = machineArn,
            MapRunArn = request.MapRunArn,
            StatusFilter = request.StatusFilter,
            RedriveFilter = request.RedriveFilter,
            MaxResults = request.MaxResults ?? 0,
            NextToken = request.NextToken,
        });
        return Task.FromResult(new ListExecutionsResponse
        {
            Executions = [.. page.Items.Select(e => new ExecutionListItem
            {
                ExecutionArn = e.Arn,
                StateMachineArn = e.StateMachineArn,
                Name = e.Name,
                Status = e.Status,
                StartDate = e.StartDate,
                StopDate = e.StopDate,
                MapRunArn = e.MapRunArn,
                StateMachineVersionArn = e.StateMachineVersionArn,
                StateMachineAliasArn = e.StateMachineAliasArn,
                RedriveCount = e.RedriveCount,
                RedriveDate = e.RedriveDate,
            })],
            NextToken = page.NextToken,
        });
    }

    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var arn = Arns.ParseExecution(request.ExecutionArn!).Text;
        var page = _store.GetEvents(arn, request.MaxResults ?? 0, request.ReverseOrder ?? false, request.NextToken);
        IEnumerable<HistoryEvent> events = page.Items;
        if (request.IncludeExecutionData == false)
        {
            events = events.Select(ExecutionData.Without);
        }

        return Task.FromResult(new GetExecutionHistoryResponse { Events = new HistoryEventList(events), NextToken = page.NextToken });
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var execution = FindExecution(request.ExecutionArn!);
        var running = _running.ContainsKey(execution.Arn) || execution.Status == ExecutionStatuses.Running;
        if (request.ClientToken is not null && (running || execution.Status == ExecutionStatuses.Succeeded))
        {
            // A repeated clientToken gets the first answer (the store remembers tokens for 15 minutes); an unknown
            // one meets the status check there. Nothing is appended for a status that cannot be redriven.
            return Task.FromResult(new RedriveExecutionResponse { RedriveDate = _store.RedriveExecution(execution.Arn, Now(), request.ClientToken) });
        }

        if (running)
        {
            throw SfnServiceException.ExecutionNotRedrivable(execution.Arn, "Execution is RUNNING and cannot be redriven");
        }

        RedriveEligibility.EnsureRedrivable(execution.Arn, RedriveFactsOf(execution));
        var stored = _store.GetHistory(execution.Arn).Events;
        var now = Now();
        var redriven = new HistoryEvent
        {
            Id = stored.Count + 1L,
            PreviousEventId = stored.Count,
            Timestamp = now,
            Type = HistoryEventType.ExecutionRedriven,
            ExecutionRedrivenEventDetails = new ExecutionRedrivenEventDetails { RedriveCount = execution.RedriveCount + 1 },
        };
        var date = _store.RedriveExecution(execution.Arn, now, request.ClientToken, [redriven]);
        if (date == now)
        {
            var version = _store.GetDefinitionVersion(execution.DefinitionVersionId)!;
            var plan = ReplayPlan.ForRedrive([.. stored, redriven]);
            StartRun(execution.Arn, execution.StateMachineArn, version, execution.Name, execution.Input, plan, execution.RedriveCount + 1, persist: true);
        }

        return Task.FromResult(new RedriveExecutionResponse { RedriveDate = date });
    }

    /// <summary>Waits until <paramref name="executionArn"/> is no longer running here, then describes it.</summary>
    public async Task<DescribeExecutionResponse> WaitForExecutionAsync(string executionArn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        if (_running.TryGetValue(executionArn, out var running))
        {
            await running.Live.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
        }

        return await DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls <paramref name="onProgress"/> with each new event of a running execution until the returned handle is
    /// disposed (nothing happens for an execution that is not running here).
    /// </summary>
    public IDisposable WatchExecution(string executionArn, Action<ExecutionProgress> onProgress)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        ArgumentNullException.ThrowIfNull(onProgress);
        if (!_running.TryGetValue(executionArn, out var running))
        {
            return new Subscription(null, onProgress);
        }

        running.Live.Subscribe(onProgress);
        return new Subscription(running.Live, onProgress);
    }

    /// <summary>Waits until every execution running here has ended.</summary>
    public async Task WaitForAllAsync(CancellationToken ct)
    {
        while (_running.Values.Select(r => r.Task).ToList() is { Count: > 0 } tasks)
        {
            await Task.WhenAll(tasks).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private ExecutionRecord FindExecution(string executionArn)
    {
        var arn = Arns.ParseExecution(executionArn);
        return _store.GetExecution(arn.Text) ?? throw SfnServiceException.ExecutionDoesNotExist(executionArn);
    }

    private RedriveFacts RedriveFactsOf(ExecutionRecord execution) => new()
    {
        ExecutionType = execution.Type,
        Status = execution.Status,
        StartDate = execution.StartDate,
        StopDate = execution.StopDate,
        EventCount = execution.Status == ExecutionStatuses.Running ? 0 : _store.GetLastEventId(execution.Arn),
        StateMachineDeleting = _store.GetStateMachine(execution.StateMachineArn)?.Status == StateMachineStatus.Deleting,
        IsMapRunChild = execution.MapRunArn is not null,
        Now = Now(),
    };

    private static HistoryEvent StartedEvent(DateTimeOffset at, string input, string roleArn) => new()
    {
        Id = 1,
        PreviousEventId = 0,
        Timestamp = at,
        Type = HistoryEventType.ExecutionStarted,
        ExecutionStartedEventDetails = new ExecutionStartedEventDetails
        {
            Input = input,
            InputDetails = new HistoryEventExecutionDataDetails(false),
            RoleArn = roleArn,
        },
    };

    private int ResumeRunning()
    {
        var count = 0;
        foreach (var execution in _store.ListRunningExecutions())
        {
            if (_store.GetDefinitionVersion(execution.DefinitionVersionId) is not { } version)
            {
                continue;
            }

            var stored = _store.GetHistory(execution.Arn).Events;
            StartRun(execution.Arn, execution.StateMachineArn, version, execution.Name, execution.Input,
                ReplayPlan.ForResume(stored), execution.RedriveCount, persist: true);
            count++;
        }

        return count;
    }

    private RunningExecution StartRun(string arn, string machineArn, DefinitionVersionRecord version, string name, string input,
        ReplayPlan plan, int redriveCount, bool persist)
    {
        var live = new LiveExecution(arn, plan, persist ? _store : null, _clock);
        if (_options.Progress is { } progress)
        {
            live.Subscribe(progress);
        }

        var machineType = arn.Contains(":express:", StringComparison.Ordinal) ? StateMachineType.Express : StateMachineType.Standard;
        var request = new ExecutionRequest(machineArn, name, input, version.RoleArn, machineType) { RedriveCount = redriveCount };
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Task.Run(async () =>
        {
            await gate.Task.ConfigureAwait(false);
            await RunAsync(live, version, request).ConfigureAwait(false);
        });
        var running = new RunningExecution(machineArn, live, task);
        _running[arn] = running;
        gate.SetResult();
        return running;
    }

    private async Task RunAsync(LiveExecution live, DefinitionVersionRecord version, ExecutionRequest request)
    {
        ExecutionResult? result = null;
        Exception? failure = null;
        LiveExecution.Current = live;
        try
        {
            var machine = Compile(version.Id, version.Definition);
            var running = _engine.RunAsync(machine, request, live, live.Stop.Token);
            if (!running.IsCompleted)
            {
                live.EnableFlushing();
            }

            result = await running.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The engine could not run it (a resource it does not serve, a definition it cannot compile, a fault
            // of its own): the execution fails with States.Runtime rather than staying RUNNING.
            failure = e;
        }
        finally
        {
            LiveExecution.Current = null;
        }

        if (live.ReplayMismatches is > 0 and var mismatches)
        {
            Interlocked.Add(ref _replayMismatches, mismatches);
        }

        try
        {
            live.Completion.TrySetResult(await live.FinishAsync(result, failure).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            live.Completion.TrySetException(e);
        }
        finally
        {
            _running.TryRemove(live.ExecutionArn, out _);
        }
    }

    private sealed class Subscription(LiveExecution? live, Action<ExecutionProgress> subscriber) : IDisposable
    {
        public void Dispose() => live?.Unsubscribe(subscriber);
    }
}
