using System.Globalization;
using Trajectories.Core.Basis;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Simulation;

/// <summary>
/// Draws seeded, deterministic panels from a planted group-based trajectory model of any family (Poisson and ZIP by
/// default; NB, logit, censored normal by <see cref="SimulationDesign.Family"/>), with optional exposure and
/// unbalanced windows: the data of the benchmarks, the scaling runner, the peer comparisons and recovery tests.
/// </summary>
/// <remarks>
/// Draw order per person is fixed (group, window, then per time point: exposure, then the family's draws — for ZIP
/// the structural zero, then the count), all from one
/// <see cref="Random"/> seeded with the design's seed, so a design and seed always give the same panel on every
/// machine and .NET version (seeded <see cref="Random"/> keeps its legacy, documented-stable algorithm).
/// The panel arrays are written directly at their final size instead of through <see cref="CountPanelBuilder"/>,
/// because 1 M persons × 21 years would otherwise cost 21 M dictionary lookups and two array doublings.
/// </remarks>
public static class GbtmSimulator
{
    /// <summary>Simulates a panel from <paramref name="design"/>.</summary>
    /// <exception cref="ArgumentException">The design is invalid (see <see cref="SimulationDesign.Validate"/>).</exception>
    public static SimulatedPanel Simulate(SimulationDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        design.Validate();
        var times = design.Times.OrderBy(t => t).ToArray();
        var scale = TimeScale.FromGrid(times);
        var groups = design.Groups.Count;
        var tCount = times.Length;

        // Per group and time: both predictors, computed once rather than per observation.
        var family = design.EffectiveFamily;
        var eta = new double[groups * tCount];
        var zeta = new double[groups * tCount];
        for (var g = 0; g < groups; g++)
        {
            for (var t = 0; t < tCount; t++)
            {
                var u = scale.Apply(times[t]);
                eta[(g * tCount) + t] = design.Groups[g].Eta(u);
                zeta[(g * tCount) + t] = design.Groups[g].Zeta(u);
            }
        }

        var cumulative = CumulativeShares(design.Groups);
        var random = new Random(design.Seed);
        var persons = design.Persons;
        var capacity = (long)persons * tCount;
        if (capacity > int.MaxValue)
        {
            throw new ArgumentException("the design has more than 2³¹ person-times.");
        }

        var ids = new string[persons];
        var truth = new int[persons];
        var rowStart = new int[persons + 1];
        var timeIndex = new short[capacity];
        var values = new double[capacity];
        var risks = design.RiskFactors;
        var tcovs = design.TimeCovariates;
        var riskValues = new double[persons * risks.Count];
        var tcovValues = new double[capacity * tcovs.Count];
        var weights = new double[groups];
        var x = new double[risks.Count];
        var exposure = design.MinExposure is null || !family.UsesExposure ? null : new float[capacity];
        var n = 0;
        var idWidth = Math.Max(1, persons.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < persons; i++)
        {
            ids[i] = "S" + i.ToString(CultureInfo.InvariantCulture).PadLeft(idWidth, '0');
            int g;
            if (risks.Count == 0)
            {
                g = DrawGroup(cumulative, random.NextDouble());
            }
            else
            {
                // Covariates first, then the group from its person-specific probabilities.
                for (var k = 0; k < risks.Count; k++)
                {
                    x[k] = risks[k].Draw(random);
                    riskValues[(i * risks.Count) + k] = x[k];
                }

                for (var h = 0; h < groups; h++)
                {
                    var logit = 0.0;
                    for (var k = 0; k < risks.Count; k++)
                    {
                        logit += (design.Groups[h].Risk?[k] ?? 0.0) * x[k];
                    }

                    weights[h] = design.Groups[h].Share * Math.Exp(logit);
                }

                g = DrawWeighted(weights, random.NextDouble());
            }

            truth[i] = g;
            // A person-level frailty is drawn once, so all the person's years share it; other families draw nothing
            // here, which keeps their streams (and every panel simulated before frailty existed) unchanged.
            var frailty = family.HasPersonFrailty ? family.DrawFrailty(random, zeta[g * tCount]) : 1.0;
            var (start, end) = DrawWindow(design.MinWindow, tCount, random);
            for (var t = start; t <= end; t++)
            {
                var e = 1.0;
                if (exposure is not null)
                {
                    // U(min, 1]: 1 − U[0,1) lies in (0, 1], so the exposure never reaches the excluded 0.
                    var min = design.MinExposure!.Value;
                    e = min + ((1.0 - min) * (1.0 - random.NextDouble()));
                    exposure[n] = (float)e;
                }

                // Exposure enters as an offset: the rate is scaled by the (float-rounded) exposure the panel stores.
                var k = (g * tCount) + t;
                var shift = 0.0;
                for (var j = 0; j < tcovs.Count; j++)
                {
                    var w = tcovs[j].Draw(random);
                    tcovValues[(n * tcovs.Count) + j] = w;
                    shift += (design.Groups[g].Delta?[j] ?? 0.0) * w;
                }

                timeIndex[n] = (short)t;
                values[n] = family.Sample(random, (exposure is null ? 1.0 : exposure[n]) * frailty, eta[k] + shift, zeta[k]);
                n++;
            }

            rowStart[i + 1] = n;
        }

        var panel = new CountPanel(
            ids,
            times,
            rowStart,
            timeIndex.AsSpan(0, n).ToArray(),
            values.AsSpan(0, n).ToArray(),
            exposure?.AsSpan(0, n).ToArray(),
            risks.Count == 0 ? null : new PersonCovariates(risks.Select(r => r.Name).ToArray(), riskValues),
            tcovs.Count == 0 ? null : new ObservationCovariates(tcovs.Select(c => c.Name).ToArray(), tcovValues.AsSpan(0, n * tcovs.Count).ToArray()));
        return new SimulatedPanel(panel, truth, design, scale);
    }

    /// <summary>
    /// A standard benchmark design: <paramref name="groups"/> well-separated hump-shaped trajectories of the given
    /// polynomial order on ages 12–32 (levels from rare to frequent, peaks spread over the age range, the rarest
    /// group the largest), optionally zero-inflated with a constant inflation per group.
    /// </summary>
    public static SimulationDesign StandardDesign(int persons, int groups, int order, bool zeroInflated, int seed = 1)
    {
        if (groups < 1 || order < 0 || order > PolynomialBasis.MaxOrder)
        {
            throw new ArgumentException($"groups must be ≥ 1 and order 0–{PolynomialBasis.MaxOrder}.");
        }

        var planted = new SimulatedGroup[groups];
        for (var g = 0; g < groups; g++)
        {
            var f = groups == 1 ? 0.5 : (double)g / (groups - 1);
            // Peak at u* with curvature c: log λ = b0 + c·(u − u*)² expanded in powers of u.
            var peak = -0.6 + (1.2 * f);
            var curvature = -1.2;
            var top = -2.0 + (2.5 * f);
            var full = new[] { top + (curvature * peak * peak), -2.0 * curvature * peak, curvature, 0.3 * (g % 2 == 0 ? 1 : -1), 0, 0 };
            var beta = full.Take(order + 1).ToArray();
            if (order == 1)
            {
                // Without the quadratic term keep the level at the peak, so groups stay ordered by level.
                beta[0] = top;
            }

            double[]? gamma = zeroInflated ? [-1.5 + (0.5 * f)] : null;
            planted[g] = new SimulatedGroup(groups - g, beta, gamma);
        }

        return new SimulationDesign { Persons = persons, Groups = planted, Seed = seed };
    }

    private static double[] CumulativeShares(IReadOnlyList<SimulatedGroup> groups)
    {
        var total = groups.Sum(g => g.Share);
        var cumulative = new double[groups.Count];
        var running = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            running += groups[g].Share / total;
            cumulative[g] = running;
        }

        // Rounding must never leave a draw just below 1 without a group.
        cumulative[^1] = 1.0;
        return cumulative;
    }

    private static int DrawWeighted(double[] weights, double u)
    {
        var total = weights.Sum();
        var running = 0.0;
        for (var g = 0; g < weights.Length - 1; g++)
        {
            running += weights[g] / total;
            if (u < running)
            {
                return g;
            }
        }

        return weights.Length - 1;
    }

    private static int DrawGroup(double[] cumulative, double u)
    {
        for (var g = 0; g < cumulative.Length - 1; g++)
        {
            if (u < cumulative[g])
            {
                return g;
            }
        }

        return cumulative.Length - 1;
    }

    private static (int Start, int End) DrawWindow(int? minWindow, int tCount, Random random)
    {
        if (minWindow is not { } w)
        {
            return (0, tCount - 1);
        }

        var length = w + random.Next(tCount - w + 1);
        var start = random.Next(tCount - length + 1);
        return (start, start + length - 1);
    }
}
