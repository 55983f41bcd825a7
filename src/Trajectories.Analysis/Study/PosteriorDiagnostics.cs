using System.Globalization;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Study;

/// <summary>
/// One group's row of the mean posterior matrix: among the persons modally assigned to it, the mean posterior
/// probability of every group (its own is its AvePP). A well-separated model has a heavy diagonal.
/// </summary>
/// <param name="Group">1-based group number (the row: modal assignment).</param>
/// <param name="Population">The group's population code.</param>
/// <param name="MeanPosterior">Mean posterior of groups 1…K (the columns), three decimals.</param>
public sealed record PublishedPosteriorRow(int Group, string Population, IReadOnlyList<double?> MeanPosterior);

/// <summary>How many of a group's modally assigned persons have their largest posterior in one band.</summary>
/// <param name="Group">1-based group number.</param>
/// <param name="Population">The group's population code.</param>
/// <param name="Band">The band of the largest posterior ("&lt; 0.5", "0.5–0.6", …, "≥ 0.9").</param>
/// <param name="N">Persons (disclosed; the bands partition the group's modal n, with secondary suppression).</param>
public sealed record PublishedPosteriorBand(int Group, string Population, string Band, DisclosedCount N);

/// <summary>
/// Posterior diagnostics as PROC TRAJ and lcmm users read them: the mean posterior matrix and, per group, the
/// distribution of the largest posterior (how sure the classification of its members is), published under the
/// disclosure rule (counts through the ledger, means to three decimals as AvePP).
/// </summary>
internal static class PosteriorDiagnostics
{
    /// <summary>Lower edges of the bands of the largest posterior (the last band is closed at 1).</summary>
    public static readonly double[] Edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The label of band b.</summary>
    public static string BandLabel(int b) => b == 0 ? "< 0.5"
        : b == Edges.Length - 1 ? "≥ 0.9"
        : string.Create(CultureInfo.InvariantCulture, $"{Edges[b]:0.0}–{Edges[b + 1]:0.0}");

    public static (IReadOnlyList<PublishedPosteriorRow> Matrix, IReadOnlyList<PublishedPosteriorBand> Bands) Build(
        TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, DisclosureLedger ledger)
    {
        var post = fit.Posteriors;
        var k = post.Groups;
        var sums = new double[k * k];
        var sizes = new long[k];
        var bands = new long[k * Edges.Length];
        for (var i = 0; i < post.Count; i++)
        {
            var g = post.ModalGroup(i) - 1;
            var row = post.Row(i);
            sizes[g]++;
            var max = 0.0;
            for (var h = 0; h < k; h++)
            {
                sums[(g * k) + h] += row[h];
                max = Math.Max(max, row[h]);
            }

            var b = Edges.Length - 1;
            while (b > 0 && max < Edges[b])
            {
                b--;
            }

            bands[(g * Edges.Length) + b]++;
        }

        var matrix = new List<PublishedPosteriorRow>();
        var published = new List<PublishedPosteriorBand>();
        foreach (var l in labels.OrderBy(l => l.Group))
        {
            var g = l.Group - 1;
            var population = StudyAnalysis.PopulationName(l);
            matrix.Add(new PublishedPosteriorRow(l.Group, population, Enumerable.Range(0, k)
                .Select(h => sizes[g] == 0 ? null : ModelPublication.Round(sums[(g * k) + h] / sizes[g], 3, ledger.Rule)).ToArray()));
            var parts = Enumerable.Range(0, Edges.Length)
                .Select(b => ($"model/{population}/max_posterior_{b}/n", bands[(g * Edges.Length) + b])).ToArray();
            var counts = ledger.Partition($"all/{population}/n", sizes[g], parts, 0);
            published.AddRange(counts.Select((n, b) => new PublishedPosteriorBand(l.Group, population, BandLabel(b), n)));
        }

        return (matrix, published);
    }
}
