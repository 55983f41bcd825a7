using System.Diagnostics;
using Trajectories.Analysis.Study;
using Trajectories.Core.Families;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Trajectories.Reporting.Figures;
using Trajectories.Reporting.Report;

namespace Trajectories.Reporting.Tests;

/// <summary>
/// The figures as a reader sees them: <c>scripts/check-figures.py</c> lays every SVG out in headless Chromium at 1400 px
/// and at A4 text width and fails on text printed over other text, text outside the figure, or text below 8 px at A4.
/// CI installs Chromium and sets TRAJ_REQUIRE_CHROMIUM=1, so there a missing browser fails; elsewhere the browser
/// checks run where Chromium is installed.
/// </summary>
public sealed class FigureRenderCheckTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("traj-figures-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Study_figures_have_no_overlapping_clipped_or_tiny_text()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 633, Seed = 11 }, register);
        var result = StudyAnalysis.Run(register, new AnalysisOptions { Groups = [4], Orders = [3], Families = [FrailtyFamily.Instance], Starts = 2, Seed = 5 });
        var files = StudyFigures.Render(result).Select(f => Write(f.Key, f.Value)).ToList();
        var (code, output) = Check(files);
        Assert.True(code == 0, output);
        Assert.Contains($"{StudyFigures.Files.Count} figures, 0 problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_printed_over_each_other_and_tiny_text_fail_the_check()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        // The old figure A2's x axis: two long labels centred 60 px apart under narrow bars.
        var crowded = new SvgCanvas(520, 120, "crowded");
        crowded.Text(300, 60, "criminal control", 11, "middle");
        crowded.Text(360, 60, "non-criminal control", 11, "middle");
        // The old figure A3: 11 px text in a figure 1196 px wide, scaled to an A4 column.
        var wide = new SvgCanvas(1196, 100, "wide");
        wide.Text(20, 50, "violence", 11);
        var (code, output) = Check([Write("crowded.svg", crowded.ToSvg()), Write("wide.svg", wide.ToSvg())]);
        Assert.Equal(1, code);
        Assert.Contains("crowded.svg at 1400px: overlap: 'criminal control' over 'non-criminal control'", output, StringComparison.Ordinal);
        Assert.Contains("wide.svg at A4: small: 'violence'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_copies_are_drawn_at_twice_the_figure_size()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        var canvas = new SvgCanvas(300, 120, "one");
        canvas.Rect(10, 10, 100, 50, Palette.Of(0));
        canvas.Text(20, 90, "label", 12);
        Write("one.svg", canvas.ToSvg());
        var result = PngRenderer.Render(_root);
        var png = Assert.Single(result.Files);
        Assert.Equal(Path.Combine(_root, "one.png"), png);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(600, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(240, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Contains("PNG at 2×", result.Note, StringComparison.Ordinal);
    }

    private string Write(string name, string svg)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, svg);
        return path;
    }

    private static bool BrowserAvailable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "chromium")) || File.Exists(Path.Combine(dir, "chromium-browser")));
        Assert.True(found || Environment.GetEnvironmentVariable("TRAJ_REQUIRE_CHROMIUM") != "1", "TRAJ_REQUIRE_CHROMIUM=1 but chromium is not on the PATH");
        return found;
    }

    private static (int Code, string Output) Check(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "scripts", "check-figures.py"));
        foreach (var f in files)
        {
            start.ArgumentList.Add(f);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "check-figures.py did not finish in 3 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
