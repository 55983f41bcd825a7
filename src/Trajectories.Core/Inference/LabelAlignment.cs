using Trajectories.Core.Families;
using Trajectories.Core.Numerics;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// How the groups of a replicate fit (a bootstrap sample, a simulated register) correspond to those of a reference:
/// <see cref="ReferenceOf"/>[h] is the reference group of replicate group h (0-based).
/// </summary>
/// <param name="ReferenceOf">The optimal assignment, replicate group → reference group.</param>
/// <param name="Clear">
/// Whether every assigned pair is mutually nearest (the replicate group's nearest reference group is its match, and the
/// reference group's nearest replicate group is it): where not, two groups swapped, merged or split, and the replicate's
/// groups cannot be matched to the reference's without guessing.
/// </param>
/// <param name="Distance">The assignment's total squared distance between matched trajectories.</param>
public sealed record Alignment(IReadOnlyList<int> ReferenceOf, bool Clear, double Distance);

/// <summary>
/// Label re-alignment of mixture replicates: groups are matched to a reference by the optimal assignment
/// (<see cref="Assignment"/>) on the squared distance between their mean trajectories on the family's link scale (log
/// rate, logit), summed over the time grid; a replicate whose matching is not clear (<see cref="Alignment.Clear"/>) is
/// counted, not guessed.
/// </summary>
public static class LabelAlignment
{
    /// <summary>Smallest mean kept before the link, so an empty group's log rate stays finite.</summary>
    private const double Floor = 1e-12;

    /// <summary>Each group's mean trajectory on the link scale at the fit's time points (groups × times, row-major).</summary>
    public static double[] Profile(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var link = fit.Model.Family.MeanLink;
        var points = fit.Trajectories;
        var profile = new double[points.Count];
        var times = points.Count / fit.Groups.Count;
        foreach (var (point, k) in points.Select((p, k) => (p, k)))
        {
            profile[((point.Group - 1) * times) + (k % times)] = Linked(link, point.Predicted);
        }

        return profile;
    }

    /// <summary>Aligns a replicate's profile (<see cref="Profile"/>) to the reference's; both have <paramref name="groups"/> rows.</summary>
    public static Alignment Align(ReadOnlySpan<double> reference, ReadOnlySpan<double> replicate, int groups)
    {
        if (reference.Length != replicate.Length || groups < 1 || reference.Length % groups != 0)
        {
            throw new ArgumentException("the profiles must have the same groups and times.");
        }

        var times = reference.Length / groups;
        var cost = new double[groups * groups];
        for (var h = 0; h < groups; h++)
        {
            for (var g = 0; g < groups; g++)
            {
                var d = 0.0;
                for (var t = 0; t < times; t++)
                {
                    var e = replicate[(h * times) + t] - reference[(g * times) + t];
                    d += e * e;
                }

                cost[(h * groups) + g] = d;
            }
        }

        var match = Assignment.Solve(cost, groups);
        var clear = true;
        var total = 0.0;
        for (var h = 0; h < groups; h++)
        {
            var g = match[h];
            total += cost[(h * groups) + g];
            for (var other = 0; other < groups; other++)
            {
                if ((other != g && cost[(h * groups) + other] <= cost[(h * groups) + g])
                    || (other != h && cost[(other * groups) + g] <= cost[(h * groups) + g]))
                {
                    clear = false;
                }
            }
        }

        return new Alignment(match, clear, total);
    }

    private static double Linked(PredictorLink link, double mean) => link switch
    {
        PredictorLink.Log => Math.Log(Math.Max(mean, Floor)),
        PredictorLink.Logit => Math.Log(Math.Clamp(mean, Floor, 1 - Floor) / (1 - Math.Clamp(mean, Floor, 1 - Floor))),
        _ => mean,
    };
}
