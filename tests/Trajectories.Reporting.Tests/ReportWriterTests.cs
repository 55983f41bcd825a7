using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Registers.Publishing;
using Trajectories.Registers.Synthetic;
using Trajectories.Reporting.Analysis;
using Trajectories.Reporting.Report;

namespace Trajectories.Reporting.Tests;

/// <summary>The library's one-call report: everything analyze writes, through the same publishing rules.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private static readonly Lazy<AnalysisResult> Result = new(() =>
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 300, Seed = 7 }, register);
        return StudyAnalysis.Run(register, new AnalysisOptions { Groups = [4], Orders = [2], Starts = 2, Seed = 5 });
    });

    private readonly string _root = Directory.CreateTempSubdirectory("traj-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WritesTheFullReportAndReplacesItsOwnEarlierReport()
    {
        var folder = Path.Combine(_root, "report");
        Assert.Equal(folder, ReportWriter.Write(Result.Value, folder));
        Assert.Equal(folder, ReportWriter.Write(Result.Value, folder));

        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "results.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "figures"), "*.svg"));
        Assert.All(AnalysisWriter.TableNames, t => Assert.True(File.Exists(Path.Combine(folder, t + ".csv")), t));
        Assert.True(OutputMarker.IsUnchanged(folder));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void RefusesAFolderThatIsNotItsOwn()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "mine")).FullName;
        File.WriteAllText(Path.Combine(folder, "paper.tex"), "draft");
        var e = Assert.Throws<PublishException>(() => ReportWriter.Write(Result.Value, folder));
        Assert.Equal(PublishFailure.NotEmpty, e.Kind);
        Assert.Equal(["paper.tex"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_root));
    }
}
