using System.CommandLine;
using Trajectories.Core.Results;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary>Where <c>fit --plot</c> writes the trajectories figure: into --out, or a file of its own.</summary>
/// <param name="File">The full path of the figure file, or null for <see cref="TrajectoryPlot.FileName"/> in --out.</param>
public sealed record PlotTarget(string? File);

/// <summary><c>fit --plot [FILE.svg]</c>: the fitted trajectories as an SVG figure of the fit's own.</summary>
public static class TrajectoryPlot
{
    /// <summary>The figure's name inside --out when --plot has no value.</summary>
    public const string FileName = "trajectories.svg";

    /// <summary>--plot, with an optional file name.</summary>
    public static Option<string?> Option() => new("--plot")
    {
        Description = "Also draw the fitted trajectories (curve, 95 % band and observed means per group, each only at the times where the group has persons; shares in the legend) as SVG: "
            + $"--plot alone writes {FileName} into --out; --plot FILE.svg writes FILE.svg (a new file; give it after INPUT, or INPUT is taken for FILE).",
        Arity = ArgumentArity.ZeroOrOne,
        HelpName = "FILE.svg",
    };

    /// <summary>The target of --plot, checked before anything is fitted; null when --plot was not given.</summary>
    /// <exception cref="UsageException">A value that is not an .svg file name, or a file or folder that already exists.</exception>
    public static PlotTarget? Target(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetResult(option) is null)
        {
            return null;
        }

        if (parse.GetValue(option) is not { } value)
        {
            return new PlotTarget(null);
        }

        if (!value.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--plot: '{value}' is not an .svg file name (write --plot FILE.svg, or --plot alone for {FileName} in --out).");
        }

        var full = Path.GetFullPath(value);
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw new UsageException($"--plot: {value} already exists; choose a new file name (nothing is overwritten).");
        }

        return new PlotTarget(full);
    }

    /// <summary>
    /// Renders the figure before the results are published (so a failure leaves nothing behind); into the staging
    /// folder when it goes into --out, so it is published with the results. Returns the SVG, or null without --plot.
    /// </summary>
    public static string? Stage(PlotTarget? target, OutputFolder folder, TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (target is null)
        {
            return null;
        }

        var svg = TrajectoryFigure.Render(fit);
        if (target.File is null)
        {
            File.WriteAllText(folder.PathOf(FileName), svg);
        }

        return svg;
    }

    /// <summary>
    /// After publishing: writes <paramref name="svg"/> to a file of its own (never over an existing one); returns the
    /// figure's path, or null without --plot.
    /// </summary>
    public static string? Finish(PlotTarget? target, OutputFolder folder, string? svg)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (target is null || svg is null)
        {
            return null;
        }

        if (target.File is null)
        {
            return Path.Combine(folder.Target, FileName);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.File)!);
            using var stream = new FileStream(target.File, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(svg);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plot: cannot write {target.File}: {e.Message} (the other results are in {folder.Target}).");
        }

        return target.File;
    }
}
