using Trajectories.Analysis.Comparisons;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Study;

/// <summary>
/// The case-resampling bootstrap of the profile figures that depend on the trajectory model: the posterior-weighted
/// and BCH percentages of every binary outcome per profile (<see cref="UncertaintyAnalysis"/>). Their sandwich standard
/// errors hold the model fixed; here each replicate resamples the panel's offenders with replacement, refits the chosen
/// model from its solution, matches the replicate's groups to the chosen fit's (<see cref="LabelAlignment"/>), and
/// recomputes the percentages with the resampled offenders' own outcomes. The 95 % percentile intervals therefore carry
/// the uncertainty of the trajectories and the classification as well as of the outcome rates.
/// </summary>
/// <remarks>
/// <para>Replicate r is seeded <c>Replicates.Seed(seed, r)</c> and the records are reduced in index order, so the intervals
/// are the same bits on any number of threads.</para>
/// <para>Every replicate's groups take the optimal assignment to the chosen fit's. Where that matching is not clear (a
/// group's nearest is not its match: two groups close enough to merge or split in a resample) the replicate is kept and
/// counted: leaving such resamples out would keep only those where the profiles stand apart, and make the intervals
/// too narrow exactly where the profiles are hard to tell apart. A replicate whose refit fails is counted and left out.</para>
/// </remarks>
internal static class ProfileBootstrap
{
    /// <summary>Fewest replicates behind a published interval: the 2.5 % and 97.5 % quantiles of fewer say little.</summary>
    public const int MinReplicates = 20;

    /// <summary>Runs <paramref name="replicates"/> replicates for <paramref name="outcomes"/> on the chosen <paramref name="fit"/>.</summary>
    /// <param name="fit">The chosen model fitted to all of <paramref name="panel"/>'s offenders.</param>
    /// <param name="panel">The offender panel the fit was fitted to.</param>
    /// <param name="panelPersons">The register index of each panel person.</param>
    /// <param name="outcomes">The outcomes, as <see cref="UncertaintyAnalysis"/> takes them.</param>
    /// <param name="fitOptions">The analysis' fit options (each refit runs on one thread).</param>
    /// <param name="replicates">Number of case-resamples.</param>
    /// <param name="threads">Replicates run at once.</param>
    public static Result Run(
        TrajectoryFit fit, CountPanel panel, int[] panelPersons, IReadOnlyList<UncertaintyAnalysis.Outcome> outcomes, FitOptions fitOptions, int replicates, int threads)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(fitOptions);
        var groups = fit.Groups.Count;
        var profile = LabelAlignment.Profile(fit);
        var records = Replicates.Map(0, replicates, threads, r => Replicate(fit, profile, panel, panelPersons, outcomes, fitOptions, r));
        var width = outcomes.Count * groups;
        var cells = new Interval[2, width];
        for (var j = 0; j < 2 * width; j++)
        {
            var values = records.Where(r => r.Status != Status.Failed).Select(r => r.Values[j]).Where(double.IsFinite).Order().ToArray();
            cells[j / width, j % width] = values.Length == 0
                ? new Interval(double.NaN, double.NaN, 0)
                : new Interval(Bootstrap.Quantile(values, 0.025), Bootstrap.Quantile(values, 0.975), values.Length);
        }

        return new Result(
            replicates, records.Count(r => r.Status == Status.Unclear), records.Count(r => r.Status == Status.Failed), groups, cells);
    }

    private static Record Replicate(
        TrajectoryFit fit, double[] profile, CountPanel panel, int[] panelPersons, IReadOnlyList<UncertaintyAnalysis.Outcome> outcomes, FitOptions fitOptions, int index)
    {
        var seed = Replicates.Seed(fitOptions.Seed, index);
        var persons = PanelSample.Resample(panel.PersonCount, seed);
        TrajectoryFit refit;
        try
        {
            var prepared = PreparedPanel.Prepare(PanelSample.Subset(panel, persons), fit.Model.Family, fitOptions.CompressPatterns);
            refit = TrajectoryEstimator.Refit(prepared, fit, fitOptions with { Seed = seed, Threads = 1 });
        }
        catch (ModelSpecificationException)
        {
            return new Record(Status.Failed, []);
        }

        var groups = fit.Groups.Count;
        var alignment = LabelAlignment.Align(profile, LabelAlignment.Profile(refit), groups);

        // Weighted percents of every outcome and reference group, then the BCH percents: the layout of Result.Cells.
        var width = outcomes.Count * groups;
        var values = new double[2 * width];
        Array.Fill(values, double.NaN);
        var post = refit.Posteriors;
        for (var o = 0; o < outcomes.Count; o++)
        {
            var outcome = outcomes[o];
            bool Include(int i) => outcome.Include(panelPersons[persons[i]]);
            double Y(int i) => outcome.Has(panelPersons[persons[i]]) ? 1.0 : 0.0;
            var weighted = ClassificationCorrection.PosteriorWeightedEstimate(post, Y, Include);
            var bch = ClassificationCorrection.BchEstimate(post, Y, Include);
            for (var h = 0; h < groups; h++)
            {
                var g = alignment.ReferenceOf[h];
                values[(o * groups) + g] = 100 * weighted.Mean[h];
                values[width + (o * groups) + g] = bch is null ? double.NaN : 100 * bch.Mean[h];
            }
        }

        return new Record(alignment.Clear ? Status.Matched : Status.Unclear, values);
    }

    private enum Status
    {
        /// <summary>Every group's nearest group of the chosen fit is its match.</summary>
        Matched,

        /// <summary>Matched by the optimal assignment only; kept.</summary>
        Unclear,

        /// <summary>The refit failed; left out.</summary>
        Failed,
    }

    private sealed record Record(Status Status, double[] Values);

    /// <summary>A 95 % percentile interval over the replicates where the figure exists.</summary>
    /// <param name="Low">2.5 % quantile.</param>
    /// <param name="High">97.5 % quantile.</param>
    /// <param name="Replicates">Replicates behind it.</param>
    public sealed record Interval(double Low, double High, int Replicates);

    /// <summary>The bootstrap's intervals and counts.</summary>
    /// <param name="Replicates">Replicates run.</param>
    /// <param name="Unclear">Replicates kept whose matching to the chosen fit's groups was not clear (see the remarks).</param>
    /// <param name="Failed">Replicates whose refit failed (left out).</param>
    /// <param name="Groups">Groups of the chosen model.</param>
    /// <param name="Cells">[0, o·G + g]: the weighted percent of outcome o in group g; [1, …]: the BCH percent.</param>
    public sealed record Result(int Replicates, int Unclear, int Failed, int Groups, Interval[,] Cells)
    {
        /// <summary>The interval of the weighted (estimator 0) or BCH (1) percent of outcome <paramref name="outcome"/> in 0-based group <paramref name="group"/>.</summary>
        public Interval Of(int estimator, int outcome, int group) => Cells[estimator, (outcome * Groups) + group];
    }
}
