using Trajectories.Analysis.Profiles;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Tests.Profiles;

/// <summary>The labelling rule on synthetic curves (the generator's planted curves and variants) for several K.</summary>
public sealed class ProfileLabellerTests
{
    // The planted curves of sample-registers/README.md: floor + height·exp(−(age − peak)²/2w²), rise w before the peak, fall w after.
    private static readonly Func<double, double> Incidental = Bump(0.37, 15, 2.5, 5, 0.053);
    private static readonly Func<double, double> Early = Bump(1.55, 18.5, 2.5, 6, 0.05);
    private static readonly Func<double, double> Late = Bump(1.60, 30, 4.5, 9, 0.08);
    private static readonly Func<double, double> Continuous = Bump(3.15, 19, 3.5, 11.5, 0.10);

    [Fact]
    public void Planted_curves_get_the_four_labels_in_any_group_order()
    {
        var labels = Label([Continuous, Incidental, Late, Early], [0.15, 0.36, 0.21, 0.28]);
        Assert.Equal(["continuous", "incidental", "late_peaking", "early_peaking"], labels);
    }

    [Fact]
    public void Two_groups_label_what_fits_without_forcing()
    {
        Assert.Equal(["incidental", "late_peaking"], Label([Incidental, Late], [0.6, 0.4]));

        // Two flat, similar curves resemble no profile: both are 'other'.
        Assert.Equal(["other", "other"], Label([_ => 0.30, _ => 0.36], [0.5, 0.5]));
    }

    [Fact]
    public void Three_groups_leave_an_unmatched_group_as_other()
    {
        Assert.Equal(["incidental", "early_peaking", "continuous"], Label([Incidental, Early, Continuous], [0.5, 0.3, 0.2]));

        // Two early-peaking curves: the larger gets the label, the other stays 'other'.
        var secondEarly = Bump(1.2, 17, 2.5, 5, 0.05);
        Assert.Equal(["incidental", "other", "early_peaking"], Label([Incidental, secondEarly, Early], [0.5, 0.2, 0.3]));
    }

    [Fact]
    public void Five_groups_use_each_label_at_most_once()
    {
        var labels = Label([Incidental, Early, Late, Bump(2.0, 19, 3.5, 11.5, 0.10), Continuous], [0.3, 0.25, 0.2, 0.1, 0.15]);
        Assert.Equal(["incidental", "early_peaking", "late_peaking", "other", "continuous"], labels);
        var result = ProfileLabeller.Label(Points([Incidental, Early, Late, Bump(2.0, 19, 3.5, 11.5, 0.10), Continuous]), [0.3, 0.25, 0.2, 0.1, 0.15]);
        Assert.StartsWith("matches no unclaimed profile", result[3].Description, StringComparison.Ordinal);
        Assert.Equal(19, result[4].PeakAge, 1.0);
    }

    [Fact]
    public void One_group_is_other_and_sparse_old_ages_do_not_move_the_peak()
    {
        Assert.Equal(["other"], Label([Continuous], [1.0]));

        // A late curve whose polynomial explodes where almost nobody is observed (age > 45) keeps its peak at ~30.
        var explodes = Points([a => a > 45 ? 50 : Late(a)]);
        var label = ProfileLabeller.Label(explodes, [1.0]).Single();
        Assert.InRange(label.PeakAge, 28, 32);
    }

    private static string[] Label(Func<double, double>[] curves, double[] shares) =>
        ProfileLabeller.Label(Points(curves), shares).Select(l => l.Label).ToArray();

    private static TrajectoryPoint[] Points(Func<double, double>[] curves) =>
        curves.SelectMany((f, g) => Enumerable.Range(12, 49).Select(age =>
            new TrajectoryPoint(g + 1, age, f(age), null, null, null, age <= 45 ? 100 : 1))).ToArray();

    private static Func<double, double> Bump(double height, double peak, double rise, double fall, double floor) => age =>
    {
        var w = age < peak ? rise : fall;
        return floor + (height * Math.Exp(-((age - peak) * (age - peak)) / (2 * w * w)));
    };
}
