using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Tests;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("traj-out-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void PublishMovesResultsIntoPlaceAndLeavesNoStaging()
    {
        var target = Path.Combine(_root, "report");
        using (var folder = OutputFolder.Create(target))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "x");
            Assert.False(Directory.Exists(target));
            folder.Publish();
        }

        Assert.Equal("x", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void DisposeWithoutPublishLeavesNothing()
    {
        var target = Path.Combine(_root, "report");
        using (var folder = OutputFolder.Create(target))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "x");
        }

        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void NonEmptyTargetIsRefusedAndKept()
    {
        var target = Path.Combine(_root, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "precious.txt"), "keep");
        var e = Assert.Throws<OutputFolderException>(() => OutputFolder.Create(target));
        Assert.Contains("not empty", e.Message);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "precious.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void EmptyExistingTargetIsUsed()
    {
        var target = Path.Combine(_root, "empty");
        Directory.CreateDirectory(target);
        using var folder = OutputFolder.Create(target);
        File.WriteAllText(folder.PathOf("b.txt"), "y");
        folder.Publish();
        Assert.True(File.Exists(Path.Combine(target, "b.txt")));
    }

    [Fact]
    public void TargetThatIsAFileIsRefused()
    {
        var target = Path.Combine(_root, "file");
        File.WriteAllText(target, "z");
        Assert.Throws<OutputFolderException>(() => OutputFolder.Create(target));
    }
}
