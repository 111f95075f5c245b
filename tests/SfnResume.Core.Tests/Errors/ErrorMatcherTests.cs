using SfnResume.Core.Errors;

namespace SfnResume.Core.Tests.Errors;

public sealed class ErrorMatcherTests
{
    [Theory]
    [InlineData("States.ALL", "States.TaskFailed", true)]
    [InlineData("States.ALL", "CustomError", true)]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.ALL", "States.DataLimitExceeded", false)]
    [InlineData("States.Runtime", "States.Runtime", false)]
    [InlineData("States.TaskFailed", "Lambda.Unknown", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("States.TaskFailed", "States.HeartbeatTimeout", true)]
    [InlineData("CustomError", "CustomError", true)]
    [InlineData("CustomError", "customerror", false)]
    [InlineData("States.Timeout", "States.Timeout", true)]
    public void Matches_FollowsAwsRules(string pattern, string error, bool expected)
    {
        Assert.Equal(expected, ErrorMatcher.Matches(pattern, error));
        Assert.Equal(expected, ErrorMatcher.Matches(["Other", pattern], error));
    }

    [Fact]
    public void Names_AreSpelledAsAws()
    {
        Assert.Equal("States.ALL", StatesErrorNames.All);
        Assert.Equal("States.ExceedToleratedFailureThreshold", StatesErrorNames.ExceedToleratedFailureThreshold);
        Assert.Equal("Lambda.ResourceNotFoundException", StatesErrorNames.LambdaResourceNotFoundException);
        Assert.True(StatesErrorNames.IsReserved(StatesErrorNames.Runtime));
        Assert.False(StatesErrorNames.IsReserved("Lambda.Unknown"));
    }

    [Fact]
    public void InState_PrefixesScopedCausesOnly()
    {
        var scoped = StatesException.ScopedToState(StatesErrorNames.Runtime, "detail");
        Assert.Equal("An error occurred while executing the state 'S' (entered at the event id #4). detail", scoped.InState("S", 4).Cause);
        var plain = new StatesException("Custom", "cause");
        Assert.Same(plain, plain.InState("S", 4));
    }
}
