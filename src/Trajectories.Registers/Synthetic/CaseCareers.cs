using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Yearly registered cases of offenders and criminal controls: Poisson counts around an age curve times a
/// person-level gamma frailty, observed in the case years at ages ≥ 12, optionally thinned by detention.
/// </summary>
internal static class CaseCareers
{
    /// <summary>
    /// An offender's cases. The first trafficking year gets the trafficking case itself on top of the profile's
    /// Poisson count, so that year always has ≥ 1 case and the other years follow the profile curve; a repeat
    /// trafficking case is added the same way.
    /// </summary>
    public static void Offender(
        ref RandomStream rng, Profile profile, string id, int birthYear, int firstTraffickingYear, bool detention,
        double frailtyShape, ChunkBuffer buffer)
    {
        var curve = ModelParameters.CaseCurves[(int)profile];
        var frailty = rng.MeanOneGamma(frailtyShape);
        var postRate = ModelParameters.PostTraffickingRate[(int)profile];
        var last = ModelParameters.CaseYears.Last;
        var repeatYear = firstTraffickingYear < last && rng.Bernoulli(ModelParameters.RepeatTraffickingShare)
            ? rng.Between(firstTraffickingYear + 1, last)
            : 0;
        var previous = 0;
        for (var year = FirstObservedYear(birthYear); year <= ModelParameters.CaseYears.Last; year++)
        {
            var atRisk = detention ? Detention(ref rng, previous, id, year, buffer) : 1.0;
            var rate = (frailty * curve.Rate(year - birthYear)) + (year > firstTraffickingYear ? postRate : 0.0);
            var count = rng.Poisson(rate * atRisk);
            if (year == firstTraffickingYear || year == repeatYear)
            {
                count++;
            }

            if (count > 0)
            {
                buffer.Cases.Add(new CaseRow(id, year, count));
            }

            previous = count;
        }
    }

    /// <summary>
    /// A criminal control's cases: a one-off case, or a low-rate career on the general age–crime curve. A career
    /// that happens to produce no case gets one, drawn like a one-off, because the group is defined by ≥ 1 case.
    /// </summary>
    public static void CriminalControl(ref RandomStream rng, string id, int birthYear, bool detention, ChunkBuffer buffer)
    {
        var first = FirstObservedYear(birthYear);
        var last = ModelParameters.CaseYears.Last;
        var curve = ModelParameters.ControlCurve;
        var start = buffer.Cases.Count;
        if (!rng.Bernoulli(ModelParameters.ControlOneOffShare))
        {
            var frailty = rng.MeanOneGamma(ModelParameters.ControlFrailtyShape);
            var previous = 0;
            for (var year = first; year <= last; year++)
            {
                var atRisk = detention ? Detention(ref rng, previous, id, year, buffer) : 1.0;
                var count = rng.Poisson(frailty * curve.Rate(year - birthYear) * atRisk);
                if (count > 0)
                {
                    buffer.Cases.Add(new CaseRow(id, year, count));
                }

                previous = count;
            }
        }

        if (buffer.Cases.Count == start)
        {
            Span<double> weights = stackalloc double[last - first + 1];
            for (var year = first; year <= last; year++)
            {
                weights[year - first] = curve.Rate(year - birthYear);
            }

            buffer.Cases.Add(new CaseRow(id, first + rng.Pick(weights), 1));
        }
    }

    /// <summary>First case year in which the person is observed (age ≥ 12).</summary>
    public static int FirstObservedYear(int birthYear) =>
        Math.Max(ModelParameters.CaseYears.First, birthYear + ModelParameters.MinAge);

    // Detention follows heavy offending: after a year with many cases some persons spend part of the next year
    // detained, which lowers their exposure and so their expected count in that year.
    private static double Detention(ref RandomStream rng, int previousCases, string id, int year, ChunkBuffer buffer)
    {
        if (previousCases < ModelParameters.DetentionThreshold || !rng.Bernoulli(ModelParameters.DetentionChance))
        {
            return 1.0;
        }

        var days = rng.Between(30, 250);
        var atRisk = (365 - days) / 365.0;
        buffer.Exposure.Add(new ExposureRow(id, year, atRisk));
        return atRisk;
    }
}
