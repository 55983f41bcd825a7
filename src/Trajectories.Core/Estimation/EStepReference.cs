using Trajectories.Core.Families;
using Trajectories.Core.Membership;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The plain scalar E-step the fast <see cref="EStepKernel"/> is tested against: for every row and group it sums
/// the family's log-density over the row's own observations, with no cells, prefix sums, chunks or threads. A frailty
/// family's row gets its negative multinomial term from the row's own Σ y and Σ μ (<see cref="GammaFrailty"/>).
/// </summary>
public static class EStepReference
{
    /// <summary>
    /// Log-likelihood (full), posteriors (rows × groups) and cell weights (c·G + g) at the given predictors; for a
    /// frailty family also the frailty-weighted cell weights V (Σ weight · p · E u per cell; empty otherwise).
    /// </summary>
    /// <param name="panel">The patterns and their weights.</param>
    /// <param name="layout">Only used to name cells for the returned cell weights.</param>
    /// <param name="family">The family.</param>
    /// <param name="eta">η at index g·T + t.</param>
    /// <param name="zeta">ζ at index g·T + t.</param>
    /// <param name="logPriors">log π_g.</param>
    public static (double LogLikelihood, double[] Posteriors, double[] CellWeights, double[] FrailtyWeights) Run(
        PatternPanel panel, CellLayout layout, ITrajectoryFamily family, double[] eta, double[] zeta, double[] logPriors)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(eta);
        ArgumentNullException.ThrowIfNull(zeta);
        ArgumentNullException.ThrowIfNull(logPriors);
        var groups = logPriors.Length;
        var time = panel.Patterns.TimeCount;
        var cellOf = new Dictionary<(short, double, double), int>();
        for (var c = 0; c < layout.CellCount; c++)
        {
            cellOf[(layout.CellTime[c], layout.CellY[c], layout.CellLogExposure[c])] = c;
        }

        var post = new double[panel.PatternCount * groups];
        var cellWeights = new double[layout.CellCount * groups];
        var frailty = family.HasPersonFrailty;
        var frailtyWeights = frailty ? new double[layout.CellCount * groups] : [];
        var posteriorMean = new double[groups];
        var lp = new double[groups];
        var ll = 0.0;
        for (var i = 0; i < panel.PatternCount; i++)
        {
            var s = panel.Patterns.Series(i);
            var constant = 0.0;
            for (var k = 0; k < s.Length; k++)
            {
                constant += family.LogConstant(s.Values[k]);
            }

            for (var g = 0; g < groups; g++)
            {
                lp[g] = logPriors[g];
                double total = 0, lambda = 0;
                for (var k = 0; k < s.Length; k++)
                {
                    var t = s.TimeIndex[k];
                    var logE = s.Exposure.IsEmpty ? 0.0 : Math.Log(s.Exposure[k]);
                    var offsetEta = eta[(g * time) + t] + logE;
                    lp[g] += frailty
                        ? s.Values[k] * offsetEta
                        : family.LogDensity(s.Values[k], logE, eta[(g * time) + t], zeta[(g * time) + t]);
                    total += s.Values[k];
                    lambda += Math.Exp(offsetEta);
                }

                if (frailty)
                {
                    // The negative multinomial's person-level part as the textbook writes it (not the kernel's form).
                    var a = GammaFrailty.Shape(zeta[g * time]);
                    lp[g] += MathNet.Numerics.SpecialFunctions.GammaLn(a + total) - MathNet.Numerics.SpecialFunctions.GammaLn(a)
                        + (a * Math.Log(a)) - ((a + total) * Math.Log(a + lambda));
                    posteriorMean[g] = GammaFrailty.PosteriorMean(a, total, lambda);
                }
            }

            var max = lp.Max();
            var sum = lp.Sum(v => Math.Exp(v - max));
            ll += panel.Weights[i] * (max + Math.Log(sum) + constant);
            for (var g = 0; g < groups; g++)
            {
                post[(i * groups) + g] = Math.Exp(lp[g] - max) / sum;
            }

            for (var k = 0; k < s.Length; k++)
            {
                var logE = s.Exposure.IsEmpty ? 0.0 : Math.Log(s.Exposure[k]);
                var c = cellOf[(s.TimeIndex[k], s.Values[k], logE)];
                for (var g = 0; g < groups; g++)
                {
                    cellWeights[(c * groups) + g] += panel.Weights[i] * post[(i * groups) + g];
                    if (frailty)
                    {
                        frailtyWeights[(c * groups) + g] += panel.Weights[i] * post[(i * groups) + g] * posteriorMean[g];
                    }
                }
            }
        }

        return (ll, post, cellWeights, frailtyWeights);
    }

    /// <summary>log π for a constant-membership θ (convenience for tests and callers of <see cref="Run"/>).</summary>
    public static double[] LogPriors(ReadOnlySpan<double> theta)
    {
        var lp = new double[theta.Length + 1];
        ConstantMembership.LogShares(theta, lp);
        return lp;
    }
}
