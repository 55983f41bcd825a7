using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Trajectories.Reporting.Figures;

/// <summary>What <see cref="PngRenderer.Render"/> did: the PNG files written, or why none were.</summary>
/// <param name="Files">Paths of the PNG files written.</param>
/// <param name="Note">One sentence for the reader: how they were made, or why they are missing.</param>
public sealed record PngResult(IReadOnlyList<string> Files, string Note);

/// <summary>
/// PNG copies of the SVG figures, drawn by headless Chromium at twice the figure's size (1360 px wide: print quality
/// at a column's width). Chromium because it is the renderer the report is read and checked in
/// (<c>scripts/check-figures.py</c>), so the PNG shows exactly what the SVG shows, with the same fonts and text layout;
/// the .NET rasterisers served here either draw no text without system font configuration (SkiaSharp without
/// fontconfig) or bring dependency warnings the build treats as errors (Svg.Skia). Chromium is optional: without it the
/// SVGs are written and the note says how to get PNGs.
/// </summary>
public static class PngRenderer
{
    /// <summary>Scale of the PNG relative to the SVG's size in pixels.</summary>
    public const int Scale = 2;

    /// <summary>Writes <c>NAME.png</c> beside every <c>NAME.svg</c> in <paramref name="folder"/> when a browser is found.</summary>
    public static PngResult Render(string folder)
    {
        var browser = FindBrowser();
        if (browser is null)
        {
            return new PngResult([], "PNG copies of the figures were not written: headless Chromium was not found (install the chromium package to get them).");
        }

        // One browser per figure, several at a time (each needs its own profile folder): a start costs about a second.
        var svgs = Directory.GetFiles(folder, "*.svg").Order(StringComparer.Ordinal).ToArray();
        var ok = new bool[svgs.Length];
        var profiles = Directory.CreateTempSubdirectory("traj-png-").FullName;
        try
        {
            Parallel.For(0, svgs.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
                ok[i] = Screenshot(browser, Path.Combine(profiles, i.ToString(CultureInfo.InvariantCulture)), svgs[i], Path.ChangeExtension(svgs[i], ".png")));
        }
        finally
        {
            Directory.Delete(profiles, recursive: true);
        }

        var failed = svgs.Where((_, i) => !ok[i]).Select(Path.GetFileName).ToList();
        var written = svgs.Where((_, i) => ok[i]).Select(f => Path.ChangeExtension(f, ".png")).ToList();
        return failed.Count > 0
            ? new PngResult(written, $"PNG copies of the figures are incomplete: Chromium ({browser}) could not draw {string.Join(", ", failed)}.")
            : new PngResult(written, $"Every figure is also a PNG at {Scale}× its size, drawn by headless Chromium.");
    }

    private static bool Screenshot(string browser, string profile, string svg, string png)
    {
        var root = XDocument.Load(svg).Root!;
        var width = (int)Math.Ceiling(double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture));
        var height = (int)Math.Ceiling(double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture));
        var start = new ProcessStartInfo(browser) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[]
        {
            "--headless", "--disable-gpu", "--hide-scrollbars", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", $"--force-device-scale-factor={Scale}",
            $"--window-size={width},{height}", $"--screenshot={png}", new Uri(svg).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(a);
        }

        // Chromium refuses to run as root inside its sandbox (containers, CI); elsewhere the sandbox stays on.
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Insert(0, "--no-sandbox");
        }

        try
        {
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                File.Delete(png);
                return false;
            }

            if (process.ExitCode == 0 && File.Exists(png) && new FileInfo(png).Length > 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // Not startable: reported as a figure that could not be drawn.
        }

        // No half-written image is left behind to be mistaken for the figure.
        File.Delete(png);
        return false;
    }

    private static string? FindBrowser() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
