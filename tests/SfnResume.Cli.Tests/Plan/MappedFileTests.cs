using System.Buffers;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Tests.Plan;

public sealed class MappedFileTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-mapped-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData((1 << 20) - 1)]
    [InlineData(1 << 20)]
    [InlineData((3 << 20) + 17)]
    public void Open_GivesTheFilesBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var path = Path.Combine(_temp, "f.bin");
        File.WriteAllBytes(path, bytes);

        using var file = MappedFile.Open(path, "--history");

        Assert.True(file.Bytes.Span.SequenceEqual(bytes));
        Assert.True(file.Bytes.Slice(length / 2).Span.SequenceEqual(bytes.AsSpan(length / 2)));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2 << 20)]
    public unsafe void Pin_PointsAtTheBytes(int length)
    {
        var bytes = new byte[length];
        bytes[^1] = 42;
        var path = Path.Combine(_temp, "f.bin");
        File.WriteAllBytes(path, bytes);

        using var file = MappedFile.Open(path, "--history");
        using var handle = file.Bytes.Pin();

        Assert.Equal(42, ((byte*)handle.Pointer)[length - 1]);
    }

    [Fact]
    public async Task Open_Pipe_ReadsItToTheEnd()
    {
        // `--history /dev/stdin` with a history piped in: a named pipe stands for it here.
        var path = Path.Combine(_temp, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var bytes = new byte[(2 << 20) + 5];
        new Random(7).NextBytes(bytes);
        var writer = Task.Run(() => File.WriteAllBytes(path, bytes));

        using var file = MappedFile.Open(path, "--history");
        await writer;

        Assert.True(file.Bytes.Span.SequenceEqual(bytes));
    }

    [Fact]
    public void Open_MissingFile_IsAUserErrorNamingFileAndOption()
    {
        var path = Path.Combine(_temp, "nope.json");

        var ex = Assert.Throws<CliUserException>(() => MappedFile.Open(path, "--history"));

        Assert.Equal($"--history: cannot read '{path}': no such file", ex.Message);
    }

    [Fact]
    public void Dispose_LetsGoOfTheFile()
    {
        var path = Path.Combine(_temp, "f.bin");
        File.WriteAllBytes(path, new byte[2 << 20]);
        var file = MappedFile.Open(path, "--history");
        ((IDisposable)file).Dispose();

        // Writable and replaceable again: no mapping or handle is left behind.
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }
}
