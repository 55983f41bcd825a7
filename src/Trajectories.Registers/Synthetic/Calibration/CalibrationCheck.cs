using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic.Calibration;

/// <summary>
/// Recomputes every published figure of MISSION.md from a register's tables and its truth table, independently of
/// any estimator, and compares each with its target.
/// </summary>
/// <remarks>
/// Tolerances are meant for registers of tens of thousands of offenders (the README reports 63 000): ±1.5 points on
/// percentages (±3 on the recent-victimisation figures of single profiles, whose subsets are small), ±5 % relative
/// on means, ±10 % relative on LVB ratios (the non-criminal base rate of 2.5 % makes their sampling error about 3 %),
/// ±0.5 years on mean ages. At N = 630 sampling error alone exceeds several of these; use a larger register.
/// </remarks>
public static class CalibrationCheck
{
    private const double Points = 1.5;
    private const double SmallSubsetPoints = 3.0;
    private const double MeanTolerance = 0.05;
    private const double RatioTolerance = 0.10;
    private const double AgeTolerance = 0.5;
    private const int StudySize = 630;

    /// <summary>The calibration table of <paramref name="register"/> (a register with a truth table).</summary>
    /// <param name="register">The register.</param>
    /// <param name="frailtyShapes">
    /// The frailty shape of each profile it was generated with (<see cref="GeneratorOptions.FrailtyShapes"/>), for the
    /// oracle of modal assignment; the generator's own when null.
    /// </param>
    public static IReadOnlyList<CalibrationRow> Compute(InMemoryRegister register, IReadOnlyList<double>? frailtyShapes = null)
    {
        var stats = new RegisterStatistics(register);
        var rows = new List<CalibrationRow>();
        Profiles(stats, rows);
        PeakWindows(stats, rows);
        rows.Add(CalibrationRow.AtLeast(
            "offenders modally assigned to their planted profile (oracle: true curves and frailty)", "≥ 85 %", 90.0,
            100 * Separability.ModalAccuracy(register, stats, frailtyShapes ?? ModelParameters.FrailtyShape)));
        Lvb(stats, rows);
        Victimisation(stats, rows);
        return rows;
    }

    /// <summary>
    /// The share of offenders an oracle assigns to their planted profile (the true curves, shares and frailty; see
    /// <c>Separability</c>): the ceiling a fitted model's modal agreement is compared with.
    /// </summary>
    public static double OracleAgreement(InMemoryRegister register, IReadOnlyList<double>? frailtyShapes = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        return Separability.ModalAccuracy(register, new RegisterStatistics(register), frailtyShapes ?? ModelParameters.FrailtyShape);
    }

    private static void Profiles(RegisterStatistics s, List<CalibrationRow> rows)
    {
        var offenders = s.Cohort(Cohort.Offender).ToArray();
        var allCases = (double)offenders.Sum(i => s.TotalCases[i]);
        double[] shares = [36, 28, 21, 15];
        foreach (var profile in Enum.GetValues<Profile>())
        {
            rows.Add(CalibrationRow.Percent(
                $"share of offenders, {DisplayNames.Of(profile)}", shares[(int)profile],
                Share(offenders, i => s.Profiles[i] == profile), Points));
        }

        rows.Add(CalibrationRow.Percent("share of all cases, incidental", 9,
            s.Profile(Profile.Incidental).Sum(i => s.TotalCases[i]) / allCases, Points));
        rows.Add(CalibrationRow.Percent("share of all cases, continuous", 40,
            s.Profile(Profile.Continuous).Sum(i => s.TotalCases[i]) / allCases, Points));

        double AgeFirstCase(Profile p) => s.Profile(p).Average(i => s.FirstCaseYear[i] - s.Persons[i].BirthYear);
        double AgeFirstTrafficking(Profile p) =>
            s.Profile(p).Average(i => s.Persons[i].FirstTraffickingYear!.Value - s.Persons[i].BirthYear);
        rows.Add(CalibrationRow.Absolute("mean age at first case, incidental", 23.2, AgeFirstCase(Profile.Incidental), AgeTolerance));
        rows.Add(CalibrationRow.Absolute("mean age at first case, early-peaking", 15.1, AgeFirstCase(Profile.EarlyPeaking), AgeTolerance));
        rows.Add(CalibrationRow.Absolute("mean age at first case, continuous", 14.4, AgeFirstCase(Profile.Continuous), AgeTolerance));
        rows.Add(CalibrationRow.Absolute("mean age at first trafficking, incidental", 30.4, AgeFirstTrafficking(Profile.Incidental), AgeTolerance));
        rows.Add(CalibrationRow.Absolute("mean age at first trafficking, early-peaking", 22.2, AgeFirstTrafficking(Profile.EarlyPeaking), AgeTolerance));
        rows.Add(CalibrationRow.AtLeast(
            "early-peaking youngest at first trafficking (next youngest − early, years)", "> 0", 0.0,
            Enum.GetValues<Profile>().Where(p => p != Profile.EarlyPeaking).Min(AgeFirstTrafficking)
            - AgeFirstTrafficking(Profile.EarlyPeaking)));
        rows.Add(CalibrationRow.Relative("mean cases before trafficking, incidental", 2.0,
            s.Profile(Profile.Incidental).Average(i => (double)s.CasesBeforeTrafficking[i]), MeanTolerance));
        rows.Add(CalibrationRow.Relative("mean cases before trafficking, continuous", 22.4,
            s.Profile(Profile.Continuous).Average(i => (double)s.CasesBeforeTrafficking[i]), MeanTolerance));
        rows.Add(CalibrationRow.Percent("incidental starting their career with trafficking", 29,
            Share(s.Profile(Profile.Incidental), i => s.CasesBeforeTrafficking[i] == 0), Points));
        rows.Add(CalibrationRow.Percent("offenders under 25 at first trafficking", 52,
            offenders.Average(i => UnderAgeProbability(s.Persons[i].FirstTraffickingYear!.Value - s.Persons[i].BirthYear, 25)),
            Points));
        rows.Add(CalibrationRow.Percent("offenders with first trafficking in 2013 or later", 41,
            Share(offenders, i => s.Persons[i].FirstTraffickingYear >= 2013), Points));
    }

    private static void PeakWindows(RegisterStatistics s, List<CalibrationRow> rows)
    {
        var earlyPeak = s.PeakAge(Profile.EarlyPeaking, out var earlyRate);
        rows.Add(CalibrationRow.Between("peak age of mean yearly cases, early-peaking", 15, 22, earlyPeak));
        rows.Add(CalibrationRow.AtMost("early-peaking decline: rate at 28–32 / peak rate", "declines", 0.5,
            s.RateOverAges(Profile.EarlyPeaking, 28, 32) / earlyRate));
        var latePeak = s.PeakAge(Profile.LatePeaking, out var lateRate);
        rows.Add(CalibrationRow.Between("peak age of mean yearly cases, late-peaking", 22, 33, latePeak));
        rows.Add(CalibrationRow.AtMost("late-peaking quiet start: rate at 12–20 / peak rate", "quiet", 0.25,
            s.RateOverAges(Profile.LatePeaking, 12, 20) / lateRate));
        rows.Add(CalibrationRow.AtLeast("continuous persists: rate at 25–30 / rate at 15–20", "persists", 0.7,
            s.RateOverAges(Profile.Continuous, 25, 30) / s.RateOverAges(Profile.Continuous, 15, 20)));
        rows.Add(CalibrationRow.AtLeast("continuous offends most: mean cases per person / next profile", "highest", 1.5,
            MeanCases(s, Profile.Continuous)
            / Enum.GetValues<Profile>().Where(p => p != Profile.Continuous).Max(p => MeanCases(s, p))));
    }

    private static void Lvb(RegisterStatistics s, List<CalibrationRow> rows)
    {
        var baseRate = Share(s.Cohort(Cohort.NoncriminalControl), i => s.HasLvb[i]);
        var offenders = Share(s.Cohort(Cohort.Offender), i => s.HasLvb[i]);
        var criminal = Share(s.Cohort(Cohort.CriminalControl), i => s.HasLvb[i]);
        rows.Add(CalibrationRow.Relative("LVB ratio vs non-criminal, offenders", 3.6, offenders / baseRate, RatioTolerance));
        rows.Add(CalibrationRow.Relative("LVB ratio vs non-criminal, criminal control", 2.3, criminal / baseRate, RatioTolerance));
        rows.Add(CalibrationRow.Relative("LVB ratio offenders vs criminal control", 3.6 / 2.3, offenders / criminal, RatioTolerance));
        double ProfileRate(Profile p) => Share(s.Profile(p), i => s.HasLvb[i]);
        rows.Add(CalibrationRow.Relative("LVB ratio vs non-criminal, early-peaking", 5.0, ProfileRate(Profile.EarlyPeaking) / baseRate, RatioTolerance));
        rows.Add(CalibrationRow.Relative("LVB ratio vs non-criminal, continuous", 8.7, ProfileRate(Profile.Continuous) / baseRate, RatioTolerance));
        foreach (var (profile, share) in new[] { (Profile.Incidental, 0.36), (Profile.LatePeaking, 0.21) })
        {
            // The study reports no significant difference at its size: the z statistic of the achieved rates with
            // the study's group sizes must stay below 1.96.
            var p1 = ProfileRate(profile);
            var n1 = Math.Round(share * StudySize);
            var se = Math.Sqrt((p1 * (1 - p1) / n1) + (baseRate * (1 - baseRate) / StudySize));
            rows.Add(CalibrationRow.AtMost($"LVB {DisplayNames.Of(profile)} vs non-criminal: z at N = 630", "not signif.", 1.96,
                (p1 - baseRate) / se));
        }
    }

    private static void Victimisation(RegisterStatistics s, List<CalibrationRow> rows)
    {
        var cohorts = new[] { Cohort.Offender, Cohort.CriminalControl, Cohort.NoncriminalControl };
        double[] ever = [74, 60, 42];
        double[] mean = [3.1, 2.5, 2.0];
        double[,] categories =
        {
            { 47, 72, 2, 29, 14, 8, 2 },
            { 35, 72, 2, 29, 14, 3, 0 },
            { 11, 72, 2, 29, 14, 2, 0 },
        };
        for (var c = 0; c < cohorts.Length; c++)
        {
            var people = s.Cohort(cohorts[c]).ToArray();
            var victims = people.Where(i => s.Victimisations[i] > 0).ToArray();
            var name = DisplayNames.Of(cohorts[c]);
            rows.Add(CalibrationRow.Percent($"ever victim 2010–2023, {name}", ever[c], Share(people, i => s.Victimisations[i] > 0), Points));
            rows.Add(CalibrationRow.Relative($"mean victimisations among victims, {name}", mean[c], victims.Average(i => (double)s.Victimisations[i]), MeanTolerance));
            foreach (var category in Enum.GetValues<VictimCategory>())
            {
                rows.Add(CalibrationRow.Percent($"victims with {DisplayNames.Of(category)}, {name}", categories[c, (int)category],
                    Share(victims, i => s.VictimCategories[i, (int)category]), Points));
            }
        }

        foreach (var profile in Enum.GetValues<Profile>())
        {
            var people = s.Profile(profile).ToArray();
            var victims = people.Where(i => s.Victimisations[i] > 0).ToArray();
            var name = DisplayNames.Of(profile);
            rows.Add(CalibrationRow.Percent($"ever victim, {name} (no profile difference)", 74, Share(people, i => s.Victimisations[i] > 0), 2 * Points));
            rows.Add(CalibrationRow.Relative($"mean victimisations among victims, {name}", 3.1, victims.Average(i => (double)s.Victimisations[i]), MeanTolerance));
            var violence = Share(victims, i => s.VictimCategories[i, (int)VictimCategory.Violence]);
            rows.Add(profile switch
            {
                Profile.Incidental => CalibrationRow.Percent($"victims with violence, {name}", 39, violence, 2 * Points),
                Profile.Continuous => CalibrationRow.Percent($"victims with violence, {name}", 62, violence, 2 * Points),
                _ => CalibrationRow.Between($"victims with violence, {name}", 48, 52, 100 * violence),
            });
        }

        var recentBase = s.Cohort(Cohort.Offender).Where(i => s.Persons[i].FirstTraffickingYear >= 2013).ToArray();
        rows.Add(CalibrationRow.Percent("recent victim (FT−3..FT−1), offenders with FT ≥ 2013", 38, Share(recentBase, i => s.RecentVictim[i]), Points));
        double[] recent = [30, 54, 45, 29];
        foreach (var profile in Enum.GetValues<Profile>())
        {
            rows.Add(CalibrationRow.Percent($"recent victim, {DisplayNames.Of(profile)}", recent[(int)profile],
                Share(recentBase.Where(i => s.Profiles[i] == profile), i => s.RecentVictim[i]), SmallSubsetPoints));
        }
    }

    // With only years known, the exact age at an event is (year − birth year) + (u_event − u_birth), u uniform in
    // the year: a year difference of 25 means under 25 exactly when the event falls before the birthday, half the
    // time. The mean exact age equals the mean year difference, so mean ages need no such correction.
    private static double UnderAgeProbability(int yearDifference, int age) =>
        yearDifference < age ? 1.0 : yearDifference == age ? 0.5 : 0.0;

    private static double MeanCases(RegisterStatistics s, Profile profile) =>
        s.Profile(profile).Average(i => (double)s.TotalCases[i]);

    private static double Share(IEnumerable<int> people, Func<int, bool> predicate)
    {
        long n = 0, hits = 0;
        foreach (var i in people)
        {
            n++;
            hits += predicate(i) ? 1 : 0;
        }

        return n == 0 ? double.NaN : (double)hits / n;
    }
}
