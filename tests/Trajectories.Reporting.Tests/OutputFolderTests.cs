using Trajectories.Registers.Publishing;
using Trajectories.Reporting.Output;
using Trajectories.Testing;

namespace Trajectories.Reporting.Tests;

public sealed class OutputFolderTests : IDisposable
{
    // A pid above Linux's pid_max (2^22): never a running process, so what it "owns" is stale.
    private const int GonePid = 99_999_999;
    private readonly string _root = Directory.CreateTempSubdirectory("traj-out-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void PublishMovesResultsIntoPlaceAndLeavesNoStagingOrLock()
    {
        var target = Path.Combine(_root, "report");
        using (var folder = OutputFolder.Create(target))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "x");
            Assert.False(Directory.Exists(target));
            Assert.True(File.Exists(Path.Combine(_root, ".report.lock")));
            folder.Publish();
        }

        Assert.Equal("x", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.True(OutputMarker.IsUnchanged(target));
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
    public void NonEmptyTargetWithoutMarkerIsRefusedAndKept()
    {
        var target = Path.Combine(_root, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "precious.txt"), "keep");
        var e = Assert.Throws<PublishException>(() => OutputFolder.Create(target));
        Assert.Equal(PublishFailure.NotEmpty, e.Kind);
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
    public void FileOrEmptyNameIsRefused()
    {
        var target = Path.Combine(_root, "file");
        File.WriteAllText(target, "z");
        Assert.Equal(PublishFailure.NotAFolder, Assert.Throws<PublishException>(() => OutputFolder.Create(target)).Kind);
        Assert.Equal(PublishFailure.InvalidPath, Assert.Throws<PublishException>(() => OutputFolder.Create(string.Empty)).Kind);
        Assert.Equal("z", File.ReadAllText(target));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void ASecondClaimIsBusyUntilTheFirstIsReleased()
    {
        var target = Path.Combine(_root, "report");
        using (OutputFolder.Create(target))
        {
            Assert.Equal(PublishFailure.Busy, Assert.Throws<PublishException>(() => OutputFolder.Create(target)).Kind);
        }

        using var again = OutputFolder.Create(target);
        Assert.NotNull(again.Staging);
    }

    [Fact]
    public void OfConcurrentClaimsExactlyOneWins()
    {
        var target = Path.Combine(_root, "report");
        const int runs = 8;
        using var start = new Barrier(runs);
        var folders = new OutputFolder?[runs];
        var failures = new PublishFailure?[runs];
        var threads = Enumerable.Range(0, runs).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                folders[i] = OutputFolder.Create(target);
            }
            catch (PublishException e)
            {
                failures[i] = e.Kind;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        try
        {
            Assert.Single(folders, f => f is not null);
            Assert.All(failures.Where(f => f is not null), f => Assert.Equal(PublishFailure.Busy, f));
        }
        finally
        {
            foreach (var f in folders)
            {
                f?.Dispose();
            }
        }
    }

    [Fact]
    public void ALockLeftByAGoneProcessIsTakenOver()
    {
        var target = Path.Combine(_root, "report");
        var lockPath = Path.Combine(_root, ".report.lock");
        File.WriteAllText(lockPath, new LockOwner(GonePid, Environment.MachineName, DateTime.UtcNow).Format());
        using (var folder = OutputFolder.Create(target))
        {
            Assert.True(Directory.Exists(folder.Staging));
        }

        Assert.False(File.Exists(lockPath));
    }

    [Fact]
    public void ALockNamingALiveProcessIsRespectedButAReusedPidIsNot()
    {
        // Where file locking is disabled the owner text is the only guard: pid 1 runs, so its lock is respected...
        var target = Path.Combine(_root, "report");
        var lockPath = Path.Combine(_root, ".report.lock");
        using var init = System.Diagnostics.Process.GetProcessById(1);
        var started = init.StartTime.ToUniversalTime();
        File.WriteAllText(lockPath, new LockOwner(1, Environment.MachineName, started).Format());
        Assert.Equal(PublishFailure.Busy, Assert.Throws<PublishException>(() => OutputFolder.Create(target)).Kind);

        // ...unless pid 1 started at another time than the lock says: then the pid was reused and the lock is stale.
        File.WriteAllText(lockPath, new LockOwner(1, Environment.MachineName, started.AddHours(-1)).Format());
        using var folder = OutputFolder.Create(target);
        Assert.NotNull(folder.Staging);
    }

    [Fact]
    public void StaleStagingFoldersOfThisTargetAreCleanedAndOthersKept()
    {
        var target = Path.Combine(_root, "report");
        var gone = Folder($".report.partial-{GonePid}-{Guid.NewGuid():N}");
        var legacy = Folder($".report.partial-{Guid.NewGuid():N}");
        var live = Folder($".report.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var otherTarget = Folder($".other.partial-{GonePid}-{Guid.NewGuid():N}");
        var notOurs = Folder(".report.partial-notes");
        using (OutputFolder.Create(target))
        {
            Assert.False(Directory.Exists(gone));
            Assert.False(Directory.Exists(legacy));
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(otherTarget));
            Assert.True(Directory.Exists(notOurs));
        }
    }

    [Fact]
    public void WildcardsInTheFolderNameMatchOnlyThatName()
    {
        var other = Folder($".abc.partial-{GonePid}-{Guid.NewGuid():N}");
        var own = Folder($".a?c.partial-{GonePid}-{Guid.NewGuid():N}");
        using (OutputFolder.Create(Path.Combine(_root, "a?c")))
        {
            Assert.True(Directory.Exists(other));
            Assert.False(Directory.Exists(own));
        }
    }

    [Fact]
    public void AReplacedFolderOfAKilledSwapIsRestoredWhenTheTargetIsMissing()
    {
        var target = Path.Combine(_root, "report");
        Publish(target, "first");
        var old = Path.Combine(_root, $".report.old-{GonePid}-{Guid.NewGuid():N}");
        Directory.Move(target, old);
        using (OutputFolder.Create(target))
        {
            Assert.Equal("first", File.ReadAllText(Path.Combine(target, "a.txt")));
            Assert.False(Directory.Exists(old));
        }
    }

    [Fact]
    public void AnUnchangedEarlierResultIsReplacedAsAWhole()
    {
        var target = Path.Combine(_root, "report");
        Publish(target, "first", extra: "only-in-first.txt");
        using (var folder = OutputFolder.Create(target))
        {
            Assert.Null(folder.Notice);
            Assert.Equal(target, folder.Target);
            File.WriteAllText(folder.PathOf("a.txt"), "second");
            folder.Publish();
        }

        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.False(File.Exists(Path.Combine(target, "only-in-first.txt")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("added")]
    [InlineData("changed")]
    [InlineData("folder")]
    public void AnEarlierResultTheUserChangedIsKeptAndTheResultsGoToASibling(string change)
    {
        var target = Path.Combine(_root, "report");
        Publish(target, "first");
        switch (change)
        {
            case "added": File.WriteAllText(Path.Combine(target, "notes.txt"), "mine"); break;
            case "changed": File.WriteAllText(Path.Combine(target, "a.txt"), "edited"); break;
            default: Directory.CreateDirectory(Path.Combine(target, "drafts")); break;
        }

        var before = Snapshot(target);
        using (var folder = OutputFolder.Create(target))
        {
            Assert.Equal(Path.Combine(_root, "report-2"), folder.Target);
            Assert.Contains("report-2", folder.Notice);
            File.WriteAllText(folder.PathOf("a.txt"), "second");
            folder.Publish();
        }

        Assert.Equal(before, Snapshot(target));
        Assert.Equal("second", File.ReadAllText(Path.Combine(_root, "report-2", "a.txt")));
        Assert.Equal(["report", "report-2"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void FilesAddedDuringARunAreKeptAndTheRunFailsNamingWhereTheResultsAre()
    {
        var target = Path.Combine(_root, "report");
        using (var folder = OutputFolder.Create(target))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "results");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
            var e = Assert.Throws<PublishException>(folder.Publish);
            Assert.Equal(PublishFailure.ChangedDuringRun, e.Kind);
            Assert.Contains(Path.Combine(_root, "report-2"), e.Message);
        }

        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "notes.txt")));
        Assert.Equal("results", File.ReadAllText(Path.Combine(_root, "report-2", "a.txt")));
        Assert.Equal(["report", "report-2"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void FilesAddedToAnEarlierResultDuringARunAreKept()
    {
        var target = Path.Combine(_root, "report");
        Publish(target, "first");
        using (var folder = OutputFolder.Create(target))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "second");
            File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
            Assert.Equal(PublishFailure.ChangedDuringRun, Assert.Throws<PublishException>(folder.Publish).Kind);
        }

        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "notes.txt")));
        Assert.Equal("second", File.ReadAllText(Path.Combine(_root, "report-2", "a.txt")));
    }

    [Fact]
    public void ALinkInAnEarlierResultMakesItTheUsers()
    {
        var target = Path.Combine(_root, "report");
        Publish(target, "first");
        Assert.True(OutputMarker.IsUnchanged(target));
        File.CreateSymbolicLink(Path.Combine(target, "link"), "/etc/hostname");
        Assert.False(OutputMarker.IsUnchanged(target));
    }

    [Fact]
    public void AFullDiskLeavesNothingBehind()
    {
        // A real full disk needs a small tmpfs, which only root can mount; elsewhere this test has nothing to run.
        using var mount = SmallDisk.TryMount(Path.Combine(_root, "disk"), "64k");
        if (mount is null)
        {
            return;
        }

        var target = Path.Combine(mount.Path, "report");
        var folder = OutputFolder.Create(target);
        var e = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes(folder.PathOf("big.bin"), new byte[1 << 20]));
        Assert.Equal(PublishFailure.NoSpace, FileSystemErrors.Classify(e));
        folder.Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(mount.Path));
    }

    [Fact]
    public void AMountPointAsTheFolderIsRefusedWithNothingLeft()
    {
        using var mount = SmallDisk.TryMount(Path.Combine(_root, "mnt"), "64k");
        if (mount is null)
        {
            return;
        }

        using (var folder = OutputFolder.Create(mount.Path))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "x");
            var e = Assert.Throws<PublishException>(folder.Publish);
            Assert.Equal(PublishFailure.CannotRename, e.Kind);
            Assert.DoesNotContain('\n', e.Message);
        }

        Assert.Equal([mount.Path], Directory.GetFileSystemEntries(_root));
        Assert.Empty(Directory.GetFileSystemEntries(mount.Path));
    }

    [Fact]
    public void AReadOnlyFileSystemIsAPermissionError()
    {
        using var mount = SmallDisk.TryMount(Path.Combine(_root, "ro"), "64k", readOnly: true);
        if (mount is null)
        {
            return;
        }

        var e = Assert.Throws<PublishException>(() => OutputFolder.Create(Path.Combine(mount.Path, "report")));
        Assert.Equal(PublishFailure.AccessDenied, e.Kind);
        Assert.StartsWith(Path.Combine(mount.Path, "report") + ":", e.Message, StringComparison.Ordinal);
    }

    private static void Publish(string target, string content, string? extra = null)
    {
        using var folder = OutputFolder.Create(target);
        File.WriteAllText(folder.PathOf("a.txt"), content);
        Directory.CreateDirectory(folder.PathOf("figures"));
        File.WriteAllText(Path.Combine(folder.PathOf("figures"), "f.svg"), "<svg/>");
        if (extra is not null)
        {
            File.WriteAllText(folder.PathOf(extra), "x");
        }

        folder.Publish();
    }

    private static string Snapshot(string folder) => string.Join(
        "\n",
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{p} {File.ReadAllText(p)}" : p));

    private string Folder(string name)
    {
        var path = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(path, "part.bin"), "x");
        return path;
    }
}
