using SfnResume.Core.Graph;
using SfnResume.Core.History;

namespace SfnResume.Core.Tests.Graph;

public sealed class StateOutcomesTests
{
    [Fact]
    public void Counts_SomeFailedAmongMany_SaysHowManyOfHowMany()
    {
        var statuses = Enumerable.Repeat(VisitStatus.Succeeded, 9_997).Concat(Enumerable.Repeat(VisitStatus.Failed, 3)).ToList();

        Assert.Equal("3 of 10,000 iterations failed", StateOutcomes.Counts(statuses, "iteration", "iterations", 10_000));
    }

    [Fact]
    public void Counts_ItemsThatNeverStarted_AreCountedFromTheRecordedLength()
    {
        VisitStatus[] statuses = [VisitStatus.Succeeded, VisitStatus.Failed, VisitStatus.Aborted];

        Assert.Equal("1 of 7 iterations failed, 1 aborted, 4 not started", StateOutcomes.Counts(statuses, "iteration", "iterations", 7));
    }

    [Fact]
    public void Counts_AllSucceeded_SaysSoWithTheRightNumber()
    {
        Assert.Equal("1 branch succeeded", StateOutcomes.Counts([VisitStatus.Succeeded], "branch", "branches", null));
        Assert.Equal("2 branches succeeded", StateOutcomes.Counts([VisitStatus.Succeeded, VisitStatus.Succeeded], "branch", "branches", null));
        Assert.Equal("no iterations", StateOutcomes.Counts([], "iteration", "iterations", 0));
    }

    [Fact]
    public void ClassOf_SeedSample_IsTheWorstStatusOfTheStatesVisits()
    {
        var outcomes = new StateOutcomes(GraphTestData.SeedTimeline());

        Assert.Equal(NodeClass.Succeeded, outcomes.ClassOf("Parallel"));
        Assert.Equal(NodeClass.Failed, outcomes.ClassOf("Parallel 2"));
        Assert.Equal(NodeClass.NotReached, outcomes.ClassOf("Final Processing"));
        Assert.Equal(
            [NodeClass.Failed, NodeClass.Aborted],
            new[] { outcomes.ClassOf("Parallel Step 2, Process 2"), outcomes.ClassOf("Parallel Step 2, Process 1") });
    }
}
