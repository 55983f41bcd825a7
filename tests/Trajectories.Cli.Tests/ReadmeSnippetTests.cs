using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Trajectories.Cli.Tests;

/// <summary>
/// The README's C# example is <c>samples/Trajectories.Sample/Program.cs</c> (a project of the solution, so the build
/// compiles it); these tests keep the README's block equal to that file and run the built program.
/// </summary>
public partial class ReadmeSnippetTests
{
    private static readonly string Root = Trajectories.Testing.RepositoryPaths.Root;

    [Fact]
    public void The_readme_shows_the_sample_program_exactly()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var block = CSharpBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```csharp block");
        var program = File.ReadAllText(Path.Combine(Root, "samples", "Trajectories.Sample", "Program.cs"));
        Assert.Equal(program.ReplaceLineEndings("\n"), block.Groups[1].Value.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_sample_program_runs_on_the_sample_register()
    {
        var dll = Path.Combine(Root, "samples", "Trajectories.Sample", "bin", "Release", "net10.0", "Trajectories.Sample.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built (dotnet build Trajectories.sln -c Release builds it)");
        var work = Directory.CreateTempSubdirectory("traj-sample-").FullName;
        var report = Path.Combine(work, "report");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(Path.Combine(Root, "sample-registers", "study"));
        start.ArgumentList.Add(report);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Contains("early_peaking", output, StringComparison.Ordinal);
        Assert.Matches(@"log-likelihood -\d+\.\d{3}; 4 profiles", output);
        Assert.True(File.Exists(Path.Combine(report, "report.html")), output);
        Assert.True(File.Exists(Path.Combine(report, "results.json")), output);
        Directory.Delete(work, recursive: true);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
