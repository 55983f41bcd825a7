namespace Trajectories.Core.Estimation;

/// <summary>
/// Where each group has data: the posterior-weighted number of persons observed at each time, n_gt = Σ_i w_i p_ig
/// [i observed at t], and the rates the group's curve takes there. A polynomial in age is only estimated where its
/// group's persons are observed; beyond that support it is extrapolation (a cubic may explode there), so degeneracy,
/// divergence, the canonical order and the published curves are all judged on the support.
/// </summary>
internal sealed class GroupSupport
{
    /// <summary>
    /// A time is in a group's support when at least this many persons of the group (in expectation) are observed there:
    /// half a person, the same floor as a group's own expected size (<see cref="FitSummarizer.MinExpectedSize"/>).
    /// </summary>
    public const double MinPersons = 0.5;

    private readonly double[] _coverage;

    private GroupSupport(double[] coverage, int groups, int time)
    {
        _coverage = coverage;
        Groups = groups;
        Time = time;
    }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Number of time points.</summary>
    public int Time { get; }

    /// <summary>The support at the model's last E-step (its cell weights: every observation lies in exactly one cell).</summary>
    public static GroupSupport Of(MixtureLikelihood model)
    {
        var groups = model.Spec.Groups;
        var time = model.Layout.TimeCount;
        var layout = model.Layout;
        var weights = model.State.CellWeights;
        var coverage = new double[groups * time];
        for (var c = 0; c < layout.CellCount; c++)
        {
            var t = layout.CellTime[c];
            for (var g = 0; g < groups; g++)
            {
                coverage[(g * time) + t] += weights[(c * groups) + g];
            }
        }

        return new GroupSupport(coverage, groups, time);
    }

    /// <summary>n_gt: the expected number of persons of group g observed at time t.</summary>
    public double Persons(int g, int t) => _coverage[(g * Time) + t];

    /// <summary>Whether time t is in group g's support.</summary>
    public bool Covers(int g, int t) => Persons(g, t) >= MinPersons;

    /// <summary>Whether group g has any support at all.</summary>
    public bool HasSupport(int g)
    {
        for (var t = 0; t < Time; t++)
        {
            if (Covers(g, t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether time t counts when group g is judged: it is in g's support, or g has none and every time counts.</summary>
    public bool Judges(int g, int t) => Covers(g, t) || !HasSupport(g);

    /// <summary>The smallest value of a per-group, per-time table (e.g. ζ_gt) over group g's support (the whole grid when it has none).</summary>
    public double MinOnSupport(double[] table, int g)
    {
        var min = double.PositiveInfinity;
        for (var t = 0; t < Time; t++)
        {
            if (Judges(g, t))
            {
                min = Math.Min(min, table[(g * Time) + t]);
            }
        }

        return min;
    }

    /// <summary>
    /// The largest log rate η_gt over group g's support (over the whole grid when it has none), from predictors at
    /// index g·T + t.
    /// </summary>
    public double MaxOnSupport(double[] eta, int g)
    {
        var max = double.NegativeInfinity;
        for (var t = 0; t < Time; t++)
        {
            if (Judges(g, t))
            {
                max = Math.Max(max, eta[(g * Time) + t]);
            }
        }

        return max;
    }
}
