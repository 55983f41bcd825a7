using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>Posterior classification diagnostics (Nagin 2005, ch. 5): modal shares, AvePP, relative entropy.</summary>
internal sealed record Classification(double[] AssignedShare, double?[] AvePP, double Entropy, PosteriorTable Persons)
{
    /// <summary>Computes the diagnostics over persons with at least one observation, expanding patterns by weight.</summary>
    public static Classification Compute(PatternPanel patterns, CellLayout layout, double[] posteriors, int groups)
    {
        var assigned = new double[groups];
        var ppSum = new double[groups];
        double n = 0, plogp = 0;
        for (var i = 0; i < layout.RowCount; i++)
        {
            if (patterns.Patterns.RowStart[i + 1] == patterns.Patterns.RowStart[i])
            {
                continue;
            }

            var w = layout.Weights[i];
            var row = posteriors.AsSpan(i * groups, groups);
            var best = 0;
            for (var g = 0; g < groups; g++)
            {
                if (row[g] > row[best])
                {
                    best = g;
                }

                if (row[g] > 0)
                {
                    plogp -= w * row[g] * Math.Log(row[g]);
                }
            }

            n += w;
            assigned[best] += w;
            ppSum[best] += w * row[best];
        }

        var avePP = new double?[groups];
        for (var g = 0; g < groups; g++)
        {
            avePP[g] = assigned[g] > 0 ? ppSum[g] / assigned[g] : null;
            assigned[g] = n > 0 ? assigned[g] / n : 0;
        }

        var entropy = groups == 1 || n == 0 ? 1.0 : Math.Clamp(1.0 - (plogp / (n * Math.Log(groups))), 0.0, 1.0);
        // One row per pattern and the panel's shared person → pattern map (PosteriorTable's remarks).
        return new Classification(assigned, avePP, entropy, new PosteriorTable(patterns.PersonIds, groups, posteriors.AsSpan(0, layout.RowCount * groups).ToArray(), patterns.PersonPattern));
    }
}
