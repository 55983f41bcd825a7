using Trajectories.Core.Panels;

namespace Trajectories.Core.Inference;

/// <summary>
/// Draws a panel from a fitted model on the design of the panel it is bound to: the same persons, observed at the same
/// times with the same exposure and covariates, each given a group from their prior membership and new outcomes from
/// the group's distribution. The parametric bootstrap's data (<see cref="BootstrapLikelihoodRatio"/>).
/// </summary>
/// <remarks>
/// Draw order per person is fixed (group, the person's frailty where the family has one, then each observation in
/// time order), all from one <see cref="Random"/> seeded with the given seed, so a seed gives the same panel on
/// every machine and thread count.
/// </remarks>
public static class ParametricDraw
{
    /// <summary>A panel drawn from <paramref name="model"/>, and each person's drawn group (canonical index).</summary>
    public static (CountPanel Panel, int[] Groups) Draw(FittedModel model, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var design = model.Panel;
        var family = model.Family;
        var random = new Random(seed);
        var values = new double[design.ObservationCount];
        var groups = new int[design.PersonCount];
        Span<double> prior = stackalloc double[model.Groups];
        for (var i = 0; i < design.PersonCount; i++)
        {
            model.LogPriors(i, prior);
            var u = random.NextDouble();
            var g = 0;
            var cumulative = Math.Exp(prior[0]);
            while (g < model.Groups - 1 && u >= cumulative)
            {
                g++;
                cumulative += Math.Exp(prior[g]);
            }

            groups[i] = g;
            int from = design.RowStart[i], to = design.RowStart[i + 1];
            var frailty = family.HasPersonFrailty && to > from ? family.DrawFrailty(random, model.Zeta(g, from)) : 1.0;
            for (var n = from; n < to; n++)
            {
                var exposure = Math.Exp(model.LogExposure(n));
                values[n] = family.Sample(random, exposure * frailty, model.Eta(g, n), model.Zeta(g, n));
            }
        }

        var panel = new CountPanel(
            design.PersonIds, design.Times, design.RowStart, design.TimeIndex, values, design.Exposure, design.Covariates, design.TimeCovariates);
        return (panel, groups);
    }
}
