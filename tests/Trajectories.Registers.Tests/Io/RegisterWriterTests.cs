using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Io;

public class RegisterWriterTests
{
    [Theory]
    [InlineData(RegisterFormat.Csv)]
    [InlineData(RegisterFormat.Parquet)]
    public void NothingIsVisibleBeforeCompleteAndNothingIsLeftWithoutIt(RegisterFormat format)
    {
        using var s = new SampleRegister();
        var target = Path.Combine(s.Root, "out");
        using (var sink = RegisterWriter.Create(target, format))
        {
            sink.WriteMetadata(new RegisterMetadata { Name = "x" });
            sink.Add(new PersonRow("o1", Cohort.Offender, "m1", Sex.M, 1990, 2012));
            sink.Add(new CaseRow("o1", 2005, 1));
            Assert.False(Directory.Exists(target));
        }

        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(s.Root));
    }

    [Theory]
    [InlineData(RegisterFormat.Csv)]
    [InlineData(RegisterFormat.Parquet)]
    public void CompletePublishesOnlyTheRegisterFiles(RegisterFormat format)
    {
        using var s = new SampleRegister();
        var folder = s.Write(format);
        var ext = RegisterFormats.Extension(format);
        var expected = new[] { "cases", "exposure", "lvb", "persons", "truth", "victimisations" }.Select(n => n + ext).Append("register.json").Order();
        Assert.Equal(expected, Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetDirectories(folder));
        Assert.Equal(["reg"], Directory.EnumerateFileSystemEntries(s.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void RefusesANonEmptyFolderBeforeWritingAnything()
    {
        using var s = new SampleRegister();
        var target = Path.Combine(s.Root, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "precious");

        var e = Assert.Throws<InputException>(() => RegisterWriter.Create(target, RegisterFormat.Parquet));
        Assert.Equal(target, e.File);
        Assert.Contains("not empty", e.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "notes.txt")));
        Assert.Equal(["mine"], Directory.EnumerateFileSystemEntries(s.Root).Select(Path.GetFileName));

        // Overwrite never replaces a folder that is not a register.
        Assert.Throws<InputException>(() => RegisterWriter.Create(target, RegisterFormat.Csv, overwrite: true));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }

    [Fact]
    public void AnExistingRegisterIsRefusedUnlessOverwriteAndThenReplaced()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        Assert.Throws<InputException>(() => RegisterWriter.Create(folder, RegisterFormat.Parquet));

        RegisterWriter.Write(SampleRegister.Build(), folder, RegisterFormat.Parquet, overwrite: true);
        Assert.False(File.Exists(Path.Combine(folder, "persons.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "persons.parquet")));
        Assert.Equal(6, RegisterReader.Load(folder).Persons.Count);
        Assert.Equal(["reg"], Directory.EnumerateFileSystemEntries(s.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void AnEmptyExistingFolderIsUsed()
    {
        using var s = new SampleRegister();
        var target = Path.Combine(s.Root, "empty");
        Directory.CreateDirectory(target);
        RegisterWriter.Write(SampleRegister.Build(), target, RegisterFormat.Csv);
        Assert.True(File.Exists(Path.Combine(target, "persons.csv")));
    }

    [Fact]
    public void AFailedCopyPublishesNothing()
    {
        using var s = new SampleRegister();
        var csv = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(csv, "cases.csv", 7, "ghost,2005,1");
        var target = Path.Combine(s.Root, "copy");
        using (var sink = RegisterWriter.Create(target, RegisterFormat.Parquet))
        {
            Assert.Throws<InputException>(() => RegisterReader.Copy(csv, sink));
        }

        Assert.False(Directory.Exists(target));
        Assert.Equal(["reg"], Directory.EnumerateFileSystemEntries(s.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void ATrailingSlashNamesTheFolderItselfAndMissingParentsAreCreated()
    {
        using var s = new SampleRegister();
        var target = Path.Combine(s.Root, "deep", "out") + Path.DirectorySeparatorChar;
        RegisterWriter.Write(SampleRegister.Build(), target, RegisterFormat.Csv);
        Assert.True(File.Exists(Path.Combine(s.Root, "deep", "out", "persons.csv")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(Path.Combine(s.Root, "deep")).Select(Path.GetFileName));
    }

    [Fact]
    public void AnOutputPathThatIsAFileIsRefused()
    {
        using var s = new SampleRegister();
        var file = Path.Combine(s.Root, "file");
        File.WriteAllText(file, "x");
        var e = Assert.Throws<InputException>(() => RegisterWriter.Create(file, RegisterFormat.Csv));
        Assert.Equal(file, e.File);
        Assert.Throws<InputException>(() => RegisterWriter.Create(Path.Combine(file, "sub"), RegisterFormat.Csv));
        Assert.Equal("x", File.ReadAllText(file));
    }
}
