using Trajectories.Core.Families;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic.Calibration;

/// <summary>
/// How separable the planted profiles are for a 4-group trajectory model that knows the generator's truth: each
/// offender is assigned to the profile with the highest posterior under the profiles' own empirical mean rates by
/// age, their empirical shares and the generator's person-level frailty (negative multinomial counts with the
/// profile's frailty shape; Poisson where a profile has none) — the model a perfectly fitted GBTM with free age
/// curves would have. A fitted polynomial model can only do slightly worse, so this is the ceiling the study's
/// "≥ 85 % correctly assigned" requirement is checked against, and the oracle fitted models are compared with.
/// </summary>
internal static class Separability
{
    /// <summary>Share of offenders whose modal profile is their planted profile; <paramref name="frailtyShapes"/> per profile.</summary>
    public static double ModalAccuracy(InMemoryRegister register, RegisterStatistics stats, IReadOnlyList<double> frailtyShapes)
    {
        var logRates = new double[4, RegisterStatistics.MaxAge + 1];
        var rates = new double[4, RegisterStatistics.MaxAge + 1];
        var logShares = new double[4];
        var offenders = stats.Cohort(Cohort.Offender).ToArray();
        for (var k = 0; k < 4; k++)
        {
            logShares[k] = Math.Log(Math.Max(1, stats.Profile((Profile)k).Count()) / (double)offenders.Length);
            for (var age = 0; age <= RegisterStatistics.MaxAge; age++)
            {
                var years = stats.PersonYearsByAge[k, age];

                // A small floor keeps ages seen by few persons from producing log(0).
                var rate = years > 0 ? Math.Max(1e-3, stats.CasesByAge[k, age] / years) : 1e-3;
                rates[k, age] = rate;
                logRates[k, age] = Math.Log(rate);
            }
        }

        var index = new Dictionary<string, int>(stats.Persons.Length, StringComparer.Ordinal);
        for (var i = 0; i < stats.Persons.Length; i++)
        {
            index[stats.Persons[i].PersonId] = i;
        }

        // Σ_t y_t log μ_k(age_t) over the years with cases; the part in Σ_t μ_k(age_t) is added per person below.
        var caseTerm = new double[stats.Persons.Length, 4];
        var caseTotal = new double[stats.Persons.Length];
        foreach (var row in register.Cases)
        {
            var i = index[row.PersonId];
            var age = row.Year - stats.Persons[i].BirthYear;
            if (stats.Profiles[i] is null || age > RegisterStatistics.MaxAge)
            {
                continue;
            }

            caseTotal[i] += row.Cases;
            for (var k = 0; k < 4; k++)
            {
                caseTerm[i, k] += row.Cases * logRates[k, age];
            }
        }

        var correct = 0;
        foreach (var i in offenders)
        {
            var birth = stats.Persons[i].BirthYear;
            var first = Math.Max(stats.Metadata.CaseYears.First, birth + stats.Metadata.MinAge);
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var k = 0; k < 4; k++)
            {
                var expected = 0.0;
                for (var year = first; year <= stats.Metadata.CaseYears.Last && year - birth <= RegisterStatistics.MaxAge; year++)
                {
                    expected += rates[k, year - birth];
                }

                var shape = frailtyShapes[k];
                var value = logShares[k] + caseTerm[i, k] + (double.IsPositiveInfinity(shape)
                    ? -expected
                    : GammaFrailty.PersonTerm(shape, caseTotal[i], expected, GammaFrailty.LogTerm(shape, caseTotal[i])));

                if (value > bestValue)
                {
                    bestValue = value;
                    best = k;
                }
            }

            correct += best == (int?)stats.Profiles[i] ? 1 : 0;
        }

        return offenders.Length == 0 ? double.NaN : (double)correct / offenders.Length;
    }
}
