using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Plan;

/// <summary><c>sfn-resume plan</c>: load, plan, write. All the thinking is in SfnResume.Resume.</summary>
internal static class PlanCommand
{
    public static PlanCommandDefinition Create()
    {
        var definition = new PlanCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, _) => Task.FromResult(Execute(definition, parseResult, io)));
        return definition;
    }

    private static int Execute(PlanCommandDefinition symbols, ParseResult parseResult, CliIo io)
    {
        var definitionPath = parseResult.GetValue(symbols.Definition)!;
        var historyPath = parseResult.GetValue(symbols.History)!;
        var outDir = parseResult.GetValue(symbols.Out);

        // With --out the copy is also written as whole strings (the file, its picture), garbage once written: let the
        // GC collect then, to keep the peak down.
        using var noCollections = outDir is null ? NoCollectionScope.Begin(SizeOf(historyPath), SizeOf(definitionPath)) : null;
        // The two inputs are independent: read the history on another core while this one models the definition,
        // then validate the definition there while this one plans. Nothing is acted on before the validation has
        // passed, and a bad definition is still the error reported first. The history is mapped rather than copied
        // into memory; its events keep slices of it, so it stays mapped until the plan is written.
        var reading = Task.Run(() => ReadHistory(historyPath));
        AslModel model;
        try
        {
            model = InputLoader.ModelDefinition(definitionPath);
        }
        catch
        {
            _ = reading.ContinueWith(Abandon, TaskScheduler.Default);
            throw;
        }

        var definition = model.Definition!;
        var validating = Task.Run(model.Validate);
        var where = InputLoader.Where(definitionPath);
        HistoryRead history;
        try
        {
            history = reading.GetAwaiter().GetResult();
        }
        catch
        {
            InputLoader.ThrowIfInvalid(validating.GetAwaiter().GetResult(), where);
            throw;
        }

        using var mapped = history.File;
        var timeline = history.Timeline;
        var options = new ResumeOptions
        {
            FromState = parseResult.GetValue(symbols.From),
            Patch = parseResult.GetValue(symbols.Patch) is { } patch ? JsonArgument.Read(patch, "--patch") : null,
            FlagName = parseResult.GetValue(symbols.Flag)!,
            StateMachineName = parseResult.GetValue(symbols.MachineName) ?? InputLoader.NameFromFile(definitionPath),
        };

        // Copying the definition needs no plan: the other core does it while this one plans.
        var drafting = Task.Run(() => DefinitionRewriter.Draft(definition));
        ResumePlan? plan = null;
        ResumePlanningException? planning = null;
        try
        {
            plan = ResumePlanner.Plan(definition, timeline, options);
        }
        catch (ResumePlanningException ex)
        {
            planning = ex;
        }
        catch (Exception) when (!validating.GetAwaiter().GetResult().IsValid)
        {
            // A plan made from an invalid definition may fail in any way; the definition's problems are reported below.
        }

        InputLoader.ThrowIfInvalid(validating.GetAwaiter().GetResult(), where);
        if (plan is null)
        {
            _ = drafting.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new CliUserException(planning!.Message);
        }

        JsonObject copy;
        try
        {
            copy = DefinitionRewriter.Rewrite(definition, plan, drafting.GetAwaiter().GetResult());
        }
        catch (ResumePlanningException ex)
        {
            throw new CliUserException(ex.Message);
        }

        // The copy is measured, modelled and validated on the other core while the output is rendered; nothing is
        // written until it has passed.
        var checking = Task.Run(() => DefinitionRewriter.Model(copy));
        var rendered = new StringWriter(CultureInfo.InvariantCulture);
        if (parseResult.GetValue(symbols.Output) == "json")
        {
            PlanJson.WriteIndented(rendered, plan, copy);
        }
        else
        {
            PlanText.Write(rendered, new Style(io.Color), plan, outDir);
        }

        try
        {
            checking.GetAwaiter().GetResult();
        }
        catch (ResumePlanningException ex)
        {
            throw new CliUserException(ex.Message);
        }

        if (outDir is not null)
        {
            WriteDefinitionFile(Path.Combine(outDir, "resume-definition.json"), copy);
            CliFiles.WriteText(Path.Combine(outDir, "resume-input.json"), PlanJson.Indented(plan.ResumeInput) + "\n");
            CliFiles.WriteText(Path.Combine(outDir, "resume-graph.mmd"), Graph.GraphPlanMarks.Mermaid(definition, timeline, plan));
        }

        io.Out.Write(rendered.GetStringBuilder());
        return ExitCodes.Success;
    }

    /// <summary>A history file, kept mapped, and the timeline built from it.</summary>
    private sealed record HistoryRead(MappedFile File, ExecutionTimeline Timeline);

    private static HistoryRead ReadHistory(string path)
    {
        var file = MappedFile.Open(path, "--history");
        try
        {
            return new HistoryRead(file, ExecutionTimeline.Build(InputLoader.ParseHistory(file.Bytes, path)));
        }
        catch
        {
            ((IDisposable)file).Dispose();
            throw;
        }
    }

    /// <summary>Lets go of a history read for nothing: the definition's problem is the one reported.</summary>
    private static void Abandon(Task<HistoryRead> reading)
    {
        if (reading.IsCompletedSuccessfully)
        {
            ((IDisposable)reading.Result.File).Dispose();
        }
        else
        {
            _ = reading.Exception;
        }
    }

    /// <summary>
    /// <c>AslWriter.Write(copy)</c> and a line end, as <see cref="CliFiles.WriteText"/> writes text (beside the target,
    /// then moved over it), but streamed: the copy of a large definition is megabytes of text.
    /// </summary>
    private static void WriteDefinitionFile(string path, JsonObject copy)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            var temp = path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                var buffer = new StreamBufferWriter(file);
                AslWriter.WriteTo(buffer, copy);
                buffer.GetSpan(1)[0] = (byte)'\n';
                buffer.Advance(1);
                buffer.Flush();
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot write '{path}': {ex.Message}");
        }
    }

    /// <summary>The file's size, or 0 when it cannot be read (loading it reports that).</summary>
    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path) is { Exists: true } file ? file.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }
}
