using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Police-registered victimisations 2010–2023 for one population (an offender profile or a control cohort).
/// A victim gets a set of categories (independent indicators, conditioned on ≥ 1, with inflated probabilities so the
/// conditional shares are the targets), one victimisation per category plus Poisson extra ones spread over the
/// categories present, so the mean count is the target. Years are uniform over the window, except that offenders'
/// years FT−3..FT−1 get a profile-specific relative weight 1 + b, which plants the recent-victimisation figures.
/// </summary>
internal sealed class VictimisationModel
{
    private const int Categories = 7;
    private const int MaxEvents = 64;
    private readonly double everVictim;
    private readonly double[] shares;
    private readonly double[] drawShares;
    private readonly double extraMean;

    private VictimisationModel(double everVictim, double meanCount, double[] shares, double? recent)
    {
        this.everVictim = everVictim;
        this.shares = shares;
        drawShares = InflateForAtLeastOne(shares);
        extraMean = meanCount - shares.Sum();
        if (extraMean < 0)
        {
            throw new InvalidOperationException("The mean count is below the expected number of categories.");
        }

        RecentWeight = recent is { } target ? SolveRecentWeight(target) : 0.0;
    }

    /// <summary>Models of the four offender profiles, in <see cref="Profile"/> order.</summary>
    public static IReadOnlyList<VictimisationModel> Offenders { get; } = Enumerable.Range(0, 4).Select(k =>
    {
        var shares = (double[])ModelParameters.CategoryShares[0].Clone();
        shares[(int)VictimCategory.Violence] = ModelParameters.ViolenceByProfile[k];
        return new VictimisationModel(
            ModelParameters.EverVictim[0], ModelParameters.MeanVictimisations[0], shares,
            ModelParameters.RecentVictimByProfile[k]);
    }).ToArray();

    /// <summary>Model of the criminal controls.</summary>
    public static VictimisationModel CriminalControl { get; } = new(
        ModelParameters.EverVictim[1], ModelParameters.MeanVictimisations[1], ModelParameters.CategoryShares[1], null);

    /// <summary>Model of the non-criminal controls.</summary>
    public static VictimisationModel NoncriminalControl { get; } = new(
        ModelParameters.EverVictim[2], ModelParameters.MeanVictimisations[2], ModelParameters.CategoryShares[2], null);

    /// <summary>Extra relative weight b of the years FT−3..FT−1 (0 for controls; may be negative).</summary>
    public double RecentWeight { get; }

    /// <summary>Draws the victimisations of one person (<paramref name="firstTraffickingYear"/> null for controls).</summary>
    public void Generate(ref RandomStream rng, string id, int? firstTraffickingYear, ChunkBuffer buffer)
    {
        if (!rng.Bernoulli(everVictim))
        {
            return;
        }

        Span<bool> present = stackalloc bool[Categories];
        var any = false;
        while (!any)
        {
            for (var c = 0; c < Categories; c++)
            {
                present[c] = rng.Bernoulli(drawShares[c]);
                any |= present[c];
            }
        }

        Span<double> extraWeights = stackalloc double[Categories];
        Span<int> events = stackalloc int[MaxEvents];
        var n = 0;
        for (var c = 0; c < Categories; c++)
        {
            extraWeights[c] = present[c] ? shares[c] : 0.0;
            if (present[c])
            {
                events[n++] = c;
            }
        }

        var extra = Math.Min(rng.Poisson(extraMean), MaxEvents - n);
        for (var i = 0; i < extra; i++)
        {
            events[n++] = rng.Pick(extraWeights);
        }

        var window = ModelParameters.VictimisationYears;
        Span<double> yearWeights = stackalloc double[window.Length];
        for (var year = window.First; year <= window.Last; year++)
        {
            var recent = firstTraffickingYear is { } ft && year < ft && year >= ft - ModelParameters.RecentWindowYears;
            yearWeights[year - window.First] = recent ? 1.0 + RecentWeight : 1.0;
        }

        // Encode year and category in one int so that the rows can be emitted sorted by year.
        for (var i = 0; i < n; i++)
        {
            events[i] = ((window.First + rng.Pick(yearWeights)) * 8) + events[i];
        }

        var used = events[..n];
        used.Sort();
        foreach (var code in used)
        {
            buffer.Victimisations.Add(new VictimisationRow(id, code / 8, (VictimCategory)(code % 8)));
        }
    }

    // Solve q_c = s_c · P(≥ 1 | q) by fixed-point iteration: independent indicators with probabilities q, conditioned
    // on at least one, then have marginal shares s.
    private static double[] InflateForAtLeastOne(double[] shares)
    {
        var q = (double[])shares.Clone();
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var none = NoneProbability(q);
            for (var c = 0; c < q.Length; c++)
            {
                q[c] = Math.Min(0.999, shares[c] * (1 - none));
            }
        }

        return q;
    }

    private static double NoneProbability(double[] q)
    {
        var none = 1.0;
        foreach (var p in q)
        {
            none *= 1 - p;
        }

        return none;
    }

    // P(recent | victim) = 1 − E[(1 − π)^n] with π the chance that one victimisation falls in the 3-year window
    // (for FT ≥ 2013 the window lies inside 2010–2023). E[z^n] is the product of the probability generating
    // functions of the category count (conditioned on ≥ 1) and the Poisson extra count. Bisection on π, then b.
    private double SolveRecentWeight(double recentTarget)
    {
        var conditional = recentTarget / everVictim;
        double low = 0, high = 1;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var mid = 0.5 * (low + high);
            if (1 - CountPgf(1 - mid) < conditional)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var pi = 0.5 * (low + high);
        var w = ModelParameters.RecentWindowYears;
        var years = ModelParameters.VictimisationYears.Length;

        // π = w(1 + b) / (years + w·b)  ⇔  b = (years·π − w) / (w − w·π).
        return ((years * pi) - w) / (w - (w * pi));
    }

    private double CountPgf(double z)
    {
        var all = 1.0;
        foreach (var q in drawShares)
        {
            all *= 1 - q + (q * z);
        }

        var none = NoneProbability(drawShares);
        return (all - none) / (1 - none) * Math.Exp(-extraMean * (1 - z));
    }
}
