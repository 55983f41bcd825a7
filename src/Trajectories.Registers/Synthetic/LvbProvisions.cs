using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// LVB provisions: whether a person has the LVB indicator (a rate per cohort and profile), and if so which
/// provisions in which years. Assumed split: a primary source AO 50 %, CIZ 30 %, Wsw 20 % (Wsw only for persons who
/// could be in it before the 2015 closure to new entrants, i.e. aged ≥ 18 in 2014), plus a second source for 20 %.
/// </summary>
internal static class LvbProvisions
{
    private const double SecondSourceChance = 0.20;
    private const int AdultAge = 18;

    // Assumed durations: most provisions already run at the window start and last to its end.
    private const double StartsAtWindowStart = 0.6;
    private const double RunsToWindowEnd = 0.75;
    private static readonly double[] PrimaryWeights = [0.50, 0.30, 0.20];

    /// <summary>Probability of the LVB indicator for a control cohort or an offender profile.</summary>
    public static double Rate(Cohort cohort, Profile profile) => cohort switch
    {
        Cohort.Offender => ModelParameters.LvbBaseRate * ModelParameters.LvbRatioByProfile[(int)profile],
        Cohort.CriminalControl => ModelParameters.LvbBaseRate * ModelParameters.LvbRatioCriminalControl,
        _ => ModelParameters.LvbBaseRate,
    };

    /// <summary>Draws the indicator and, when present, ≥ 1 provision-year inside the source windows.</summary>
    public static void Generate(ref RandomStream rng, double rate, string id, int birthYear, ChunkBuffer buffer)
    {
        if (!rng.Bernoulli(rate))
        {
            return;
        }

        Span<double> weights = stackalloc double[3];
        for (var s = 0; s < 3; s++)
        {
            weights[s] = Eligible((LvbSource)s, birthYear) ? PrimaryWeights[s] : 0.0;
        }

        var primary = rng.Pick(weights);
        AddYears(ref rng, (LvbSource)primary, id, birthYear, buffer);
        weights[primary] = 0;
        if (rng.Bernoulli(SecondSourceChance) && (weights[0] + weights[1] + weights[2]) > 0)
        {
            AddYears(ref rng, (LvbSource)rng.Pick(weights), id, birthYear, buffer);
        }
    }

    private static bool Eligible(LvbSource source, int birthYear) => source switch
    {
        // The AO benefit is for adults: some window year must be at age ≥ 18.
        LvbSource.AO => birthYear + AdultAge <= ModelParameters.LvbWindow(source).Last,

        // Wsw closed to new entrants in 2015: only those already working in it (adults in 2014) keep an indication.
        LvbSource.WSW => birthYear + AdultAge <= ModelParameters.LvbWindow(source).First - 1,
        _ => true,
    };

    // Provisions are long-lasting: most run from the window start (or a later start) to the window end; some stop.
    private static void AddYears(ref RandomStream rng, LvbSource source, string id, int birthYear, ChunkBuffer buffer)
    {
        var window = ModelParameters.LvbWindow(source);
        var earliest = source == LvbSource.AO ? Math.Max(window.First, birthYear + AdultAge) : window.First;
        var start = source == LvbSource.WSW || rng.Bernoulli(StartsAtWindowStart) ? earliest : rng.Between(earliest, window.Last);
        var end = rng.Bernoulli(RunsToWindowEnd) ? window.Last : rng.Between(start, window.Last);
        for (var year = start; year <= end; year++)
        {
            buffer.Lvb.Add(new LvbRow(id, source, year));
        }
    }
}
