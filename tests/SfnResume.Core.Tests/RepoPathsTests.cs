using SfnResume.Testing;

namespace SfnResume.Core.Tests;

public sealed class RepoPathsTests
{
    [Fact]
    public void Shared_Exists_HoldsTheSeedSample()
    {
        Assert.True(File.Exists(RepoPaths.InShared("seed", "sample_execution_history.json")));
        Assert.True(File.Exists(RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json")));
    }
}
