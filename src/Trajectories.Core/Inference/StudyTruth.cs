using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Inference;

/// <summary>
/// What a simulation study of the estimator draws its data sets from and compares its estimates with: the model
/// fitted to each data set, the planted shares and trajectory coefficients (canonical group order), each group's mean
/// trajectory on the link scale at the data's times (for <see cref="LabelAlignment"/>), and the drawing of data set
/// r from its seed.
/// </summary>
public sealed class StudyTruth
{
    private readonly Func<int, CountPanel> _draw;

    private StudyTruth(ModelSpecification model, double[] shares, double[][] beta, double[] profile, Func<int, CountPanel> draw)
    {
        Model = model;
        Shares = shares;
        Beta = beta;
        Profile = profile;
        _draw = draw;
    }

    /// <summary>The model fitted to every data set (the planted one).</summary>
    public ModelSpecification Model { get; }

    /// <summary>The planted shares.</summary>
    public IReadOnlyList<double> Shares { get; }

    /// <summary>The planted trajectory coefficients per group.</summary>
    public IReadOnlyList<double[]> Beta { get; }

    /// <summary>The planted mean trajectories on the link scale (groups × times).</summary>
    public double[] Profile { get; }

    /// <summary>Data set drawn with <paramref name="seed"/>.</summary>
    public CountPanel Draw(int seed) => _draw(seed);

    /// <summary>
    /// The truth is a fitted model on its own data's design: every data set keeps the persons, times, exposure and
    /// covariates of <paramref name="panel"/> and draws new groups and outcomes (<see cref="ParametricDraw"/>), the
    /// estimator's behaviour on data like the user's.
    /// </summary>
    public static StudyTruth FromFit(TrajectoryFit fit, CountPanel panel)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var model = new FittedModel(fit, panel);
        return new StudyTruth(
            fit.Model, fit.Groups.Select(g => g.Share).ToArray(), fit.Groups.Select(g => g.Beta.ToArray()).ToArray(),
            LabelAlignment.Profile(fit), seed => ParametricDraw.Draw(model, seed).Panel);
    }

    /// <summary>
    /// The truth is a simulation design without risk factors or time-varying covariates (e.g.
    /// <see cref="GbtmSimulator.StandardDesign"/>); data set r is the design simulated with seed r. The groups are put
    /// in the estimator's canonical order (ascending mean outcome over the times), so truth and estimates line up before
    /// any alignment is needed.
    /// </summary>
    /// <exception cref="ArgumentException">The design has risk factors or time-varying covariates.</exception>
    public static StudyTruth FromDesign(SimulationDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        design.Validate();
        if (design.RiskFactors.Count > 0 || design.TimeCovariates.Count > 0)
        {
            throw new ArgumentException("a study from a design takes designs without risk factors or time-varying covariates; study a fit (FromFit) for those.");
        }

        var family = design.EffectiveFamily;
        var times = design.Times.Order().ToArray();
        var scale = TimeScale.FromGrid(times);
        var total = design.Groups.Sum(g => g.Share);
        var order = Enumerable.Range(0, design.Groups.Count)
            .OrderBy(g => times.Average(t => family.Mean(design.Groups[g].Eta(scale.Apply(t)), design.Groups[g].Zeta(scale.Apply(t)))))
            .ToArray();
        var groups = order.Select(g => design.Groups[g]).ToArray();
        var profile = new double[groups.Length * times.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            for (var t = 0; t < times.Length; t++)
            {
                var u = scale.Apply(times[t]);
                profile[(g * times.Length) + t] = family.LinkedMean(groups[g].Eta(u), groups[g].Zeta(u)).Value;
            }
        }

        var iorders = family.Secondary is not { Shape: Families.SecondaryShape.Polynomial } ? null : groups.Select(g => g.Gamma is null ? -1 : g.Gamma.Count - 1).ToArray();
        var spec = ModelSpecification.Of(family, groups.Length, groups.Select(g => g.Beta.Count - 1).ToArray(), iorders);
        return new StudyTruth(
            spec, groups.Select(g => g.Share / total).ToArray(), groups.Select(g => g.Beta.ToArray()).ToArray(), profile,
            seed => GbtmSimulator.Simulate(design with { Seed = seed }).Panel);
    }
}
