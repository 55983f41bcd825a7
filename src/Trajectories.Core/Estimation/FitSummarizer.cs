using Trajectories.Core.Basis;
using Trajectories.Core.Numerics;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>Turns the optimum of a search into a <see cref="TrajectoryFit"/>: SEs, classification statistics, trajectories.</summary>
internal static class FitSummarizer
{
    /// <summary>A group is degenerate when it holds less than this many persons in expectation …</summary>
    public const double MinExpectedSize = 0.5;

    // … or, at the times where it has persons (GroupSupport), its largest trajectory predictor η is outside ± the
    // family's TrajectoryBound (for counts: log rate ±20, rates collapsed to 0 or diverged), or its second predictor
    // falls below the family's SecondaryFloor (a σ collapsed onto one value). Beyond its support a polynomial is
    // extrapolation, and a cubic exploding there says nothing about the group.

    public sealed record Inputs(
        MixtureLikelihood Model, PatternPanel Patterns, TimeScale Scale, double[] Psi, double LogLikelihood,
        double[] Hessian, RunState Best, SearchSummary Search, TrajectoryFit? NestedFloor, int Persons, int Observations, double Seconds);

    /// <summary>A discard reason in words (plural, after a count).</summary>
    public static string DiscardText(DiscardReason reason) => reason switch
    {
        DiscardReason.NumericalFailure => "with a non-finite likelihood or parameters",
        _ => reason.ToString(),
    };

    public static TrajectoryFit Summarize(Inputs x)
    {
        var model = x.Model;
        var p = model.Parameters;
        var groups = p.Groups;
        var warnings = new List<string>();
        var family = model.Spec.Family;
        var covariance = BoundaryCovariance.Compute(x.Hessian, p, family.Secondary?.Boundary ?? double.NegativeInfinity, model.Tables.Zeta, model.Tables.Time, out var heldFixed);
        if (covariance is null)
        {
            warnings.Add("the observed information matrix is singular or not positive definite: standard errors are not available.");
        }
        else if (heldFixed.Count > 0)
        {
            var what = family.Secondary!.Predictor.Name;
            warnings.Add($"the {what} of group(s) {string.Join(", ", heldFixed)} is at its boundary ({what} below {family.Secondary.Boundary} at every time{BoundaryMeaning(family)}): "
                + $"those parameters have no standard error and the other standard errors are conditional on them; {SimplerModel(family)}");
        }

        var theta = x.Psi.AsSpan(0, p.MembershipCount);
        var shares = model.Membership.Shares(theta, model.Layout.Weights, groups);
        var shareSe = ShareStandardErrors(model.Membership.ShareJacobian(theta, model.Layout.Weights, groups), covariance, p);
        var classification = Classification.Compute(x.Patterns, model.Layout, model.State.Posteriors, groups);
        var sizes = model.GroupSizes();
        var support = GroupSupport.Of(model);
        var estimates = new GroupEstimate[groups];
        var anyDegenerate = false;
        for (var g = 0; g < groups; g++)
        {
            var maxEta = support.MaxOnSupport(model.Tables.Eta, g);
            var bound = family.TrajectoryBound;
            var minZeta = p.SecondaryOrders[g] >= 0 ? support.MinOnSupport(model.Tables.Zeta, g) : double.PositiveInfinity;
            var collapsed = !(minZeta >= family.SecondaryFloor);
            var degenerate = sizes[g] < MinExpectedSize || !(maxEta >= -bound && maxEta <= bound) || collapsed;
            if (degenerate)
            {
                anyDegenerate = true;
                var detail = collapsed
                    ? $"{family.Secondary!.Predictor.Name} {minZeta:G4} at the times where it has persons"
                    : $"maximum {family.Trajectory.Name} {maxEta:G4} at the times where it has persons";
                warnings.Add($"group {g + 1} is degenerate (expected size {sizes[g]:G4}, {detail}): the model has more groups than the data support.");
            }

            int pb = p.Orders[g] + 1, pz = p.SecondaryOrders[g] + 1;
            var trajectory = new PredictorEstimate(
                family.Trajectory, p.Orders[g], x.Psi.AsSpan(p.BetaOffset[g], pb).ToArray(), StandardErrors(covariance, p.Total, p.BetaOffset[g], pb));
            var secondary = pz == 0 ? null : new PredictorEstimate(
                family.Secondary!.Predictor, p.SecondaryOrders[g], x.Psi.AsSpan(p.GammaOffset[g], pz).ToArray(), StandardErrors(covariance, p.Total, p.GammaOffset[g], pz));
            estimates[g] = new GroupEstimate(
                g + 1,
                shares[g],
                shareSe?[g],
                classification.AssignedShare[g],
                classification.AvePP[g],
                Occ(classification.AvePP[g], shares[g]),
                trajectory,
                secondary,
                model.Spec.InflationOrders[g],
                sizes[g],
                degenerate,
                model.Spec.TimeCovariates.Select((name, j) =>
                {
                    var at = p.BetaOffset[g] + pb + j;
                    return new CovariateEffect(name, x.Psi[at], StandardErrors(covariance, p.Total, at, 1)[0]);
                }).ToArray());
        }

        var reason = x.Best.Reason;
        if (reason == StopReason.Converged && anyDegenerate)
        {
            reason = StopReason.DegenerateGroup;
        }

        if (!x.Best.Converged)
        {
            warnings.Add($"the optimisation did not converge ({reason}).");
        }

        SearchWarnings(x, warnings);

        return new TrajectoryFit
        {
            Model = model.Spec,
            PersonCount = x.Persons,
            ObservationCount = x.Observations,
            PatternCount = x.Patterns.PatternCount,
            LogLikelihood = x.LogLikelihood,
            Entropy = classification.Entropy,
            StopReason = reason,
            Iterations = x.Best.Iterations,
            Search = x.Search,
            Seconds = x.Seconds,
            TimeScale = x.Scale,
            Groups = estimates,
            Parameters = x.Psi,
            Covariance = covariance,
            Posteriors = classification.Persons,
            Trajectories = TrajectoryTable.Build(model, x.Patterns.Patterns.Times, covariance, support),
            Warnings = warnings,
            Membership = Membership(model, x.Psi, covariance),
        };
    }

    /// <summary>What a reader of the fit must know about its search: an unreplicated best, discarded starts, a nested floor.</summary>
    private static void SearchWarnings(Inputs x, List<string> warnings)
    {
        var s = x.Search;
        if (x.NestedFloor is { } floor)
        {
            warnings.Add($"no start of this model reached the log-likelihood of the nested model {NestedModels.Label(floor.Model)} ({floor.LogLikelihood:F3}); "
                + "its exact embedding is reported instead (duplicated groups or zero higher-order terms): this model adds nothing the data support.");
        }
        else if (!s.Replicated)
        {
            var found = s.Replications == 1 ? "only 1 independent start" : $"only {s.Replications} independent starts";
            warnings.Add($"the best log-likelihood was reached by {found} of {s.RunToConvergence} run to convergence ({s.Starts} starts tried; {s.RequiredReplications} required): "
                + "a better optimum may exist; refit with more starts (--starts, --max-starts) or another seed.");
        }

        if (s.Discarded.Count > 0)
        {
            warnings.Add("starts discarded: " + string.Join(", ", s.Discarded.Select(d => $"{d.Count} {DiscardText(d.Reason)}")) + ".");
        }
    }

    /// <summary>What a second predictor at its boundary means, in words.</summary>
    private static string BoundaryMeaning(Families.ITrajectoryFamily family) => family.Secondary!.Predictor.Link switch
    {
        Families.PredictorLink.Logit => $", a probability below {Families.ZipFamily.Logistic(family.Secondary.Boundary):P2}",
        Families.PredictorLink.Log => $", a value below {Math.Exp(family.Secondary.Boundary):G2}",
        _ => string.Empty,
    };

    /// <summary>The simpler model a boundary points to.</summary>
    private static string SimplerModel(Families.ITrajectoryFamily family) =>
        family.Secondary!.Shape == Families.SecondaryShape.Polynomial
            ? "a model without it for these groups (iorder −1) is simpler."
            : "the data show no sign of it in these groups.";

    /// <summary>Var(share) = J Var(θ) Jᵀ with J = ∂ share / ∂θ (groups × membership parameters) from the membership model.</summary>
    private static double[]? ShareStandardErrors(double[] jacobian, double[]? cov, ParameterLayout p)
    {
        if (cov is null)
        {
            return null;
        }

        var k = p.MembershipCount;
        var se = new double[p.Groups];
        for (var g = 0; g < p.Groups; g++)
        {
            var v = 0.0;
            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < k; b++)
                {
                    v += jacobian[(g * k) + a] * cov[(a * p.Total) + b] * jacobian[(g * k) + b];
                }
            }

            se[g] = Math.Sqrt(Math.Max(v, 0));
        }

        return se;
    }

    /// <summary>The membership block of a model with risk factors: coefficients against group 1, tests, share effects.</summary>
    private static MembershipEstimate? Membership(MixtureLikelihood model, double[] psi, double[]? covariance)
    {
        var spec = model.Spec;
        if (spec.RiskFactors.Count == 0)
        {
            return null;
        }

        var p = model.Parameters;
        var groups = p.Groups;
        var theta = psi.AsSpan(0, p.MembershipCount);
        var (coefficients, tests) = MembershipEstimate.Relative(theta.ToArray(), covariance, p.Total, spec.RiskFactors, groups, 1);

        // Average marginal effects: Σ_i w_i π_ig(θ_gk − Σ_h π_ih θ_hk) / Σ_i w_i, with θ_1 = 0.
        var width = spec.MembershipWidth;
        var effects = new double[groups * width];
        Span<double> prior = stackalloc double[groups];
        var weights = model.Layout.Weights;
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            model.Membership.LogPriors(theta, i, prior);
            for (var g = 0; g < groups; g++)
            {
                prior[g] = Math.Exp(prior[g]);
            }

            total += weights[i];
            for (var k = 1; k < width; k++)
            {
                var mean = 0.0;
                for (var h = 1; h < groups; h++)
                {
                    mean += prior[h] * theta[((h - 1) * width) + k];
                }

                for (var g = 0; g < groups; g++)
                {
                    var own = g == 0 ? 0.0 : theta[((g - 1) * width) + k];
                    effects[(g * width) + k] += weights[i] * prior[g] * (own - mean);
                }
            }
        }

        var shareEffects = new List<ShareEffect>();
        for (var g = 0; g < groups; g++)
        {
            for (var k = 1; k < width; k++)
            {
                shareEffects.Add(new ShareEffect(g + 1, spec.RiskFactors[k - 1], effects[(g * width) + k] / total));
            }
        }

        return new MembershipEstimate(spec.RiskFactors, 1, coefficients, tests, shareEffects);
    }

    private static double?[] StandardErrors(double[]? cov, int n, int offset, int count)
    {
        var se = new double?[count];
        for (var k = 0; k < count && cov is not null; k++)
        {
            var v = cov[((offset + k) * n) + offset + k];
            se[k] = v > 0 ? Math.Sqrt(v) : null;
        }

        return se;
    }

    private static double? Occ(double? avePP, double share)
    {
        if (avePP is not { } a || a >= 1 || share <= 0 || share >= 1)
        {
            return null;
        }

        return a / (1 - a) / (share / (1 - share));
    }
}
