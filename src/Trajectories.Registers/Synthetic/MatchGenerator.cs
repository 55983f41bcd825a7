using System.Globalization;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Generates matched triples (offender, criminal control, non-criminal control). Each person's components draw
/// from their own random streams, so a component (e.g. detention) can be switched on without changing the others.
/// </summary>
internal sealed class MatchGenerator
{
    private const int StreamsPerCohort = 8;
    private const int ComponentPerson = 0;
    private const int ComponentCases = 1;
    private const int ComponentLvb = 2;
    private const int ComponentVictim = 3;
    private readonly GeneratorOptions options;
    private readonly StratifiedAssignment profiles;
    private readonly long[][] yearBounds;
    private readonly string idFormat;

    public MatchGenerator(GeneratorOptions options)
    {
        this.options = options;
        profiles = new StratifiedAssignment(options.Offenders, ModelParameters.ProfileShares, options.Seed ^ 0x50524F46UL);
        yearBounds = profiles.Counts.Select((n, k) => StratifiedAssignment.Cumulative(
            StratifiedAssignment.LargestRemainder(n, YearShares(k)))).ToArray();
        var digits = Math.Max(6, options.Offenders.ToString(CultureInfo.InvariantCulture).Length);
        idFormat = "D" + digits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Generates matches [<paramref name="from"/>, <paramref name="to"/>) into <paramref name="buffer"/>.</summary>
    public void Generate(int from, int to, ChunkBuffer buffer)
    {
        for (var m = from; m < to; m++)
        {
            GenerateMatch(m, buffer);
        }
    }

    private void GenerateMatch(int m, ChunkBuffer buffer)
    {
        var number = (m + 1).ToString(idFormat, CultureInfo.InvariantCulture);
        var matchId = "M" + number;
        var k = profiles.CategoryOf(m, out var rank);
        var profile = (Profile)k;
        var firstTrafficking = ModelParameters.FirstTraffickingFrom + StratifiedAssignment.Locate(yearBounds[k], rank, out _);

        var rng = Stream(m, Cohort.Offender, ComponentPerson);
        var sex = rng.Bernoulli(ModelParameters.MaleShare) ? Sex.M : Sex.F;
        var birthYear = firstTrafficking - DrawAge(ref rng, ModelParameters.AgeAtFirstTrafficking[(int)profile]);

        var offender = "O" + number;
        buffer.Persons.Add(new PersonRow(offender, Cohort.Offender, matchId, sex, birthYear, firstTrafficking));
        buffer.Truth.Add(new TruthRow(offender, profile));
        rng = Stream(m, Cohort.Offender, ComponentCases);
        CaseCareers.Offender(ref rng, profile, offender, birthYear, firstTrafficking, options.Detention, options.FrailtyShapes[(int)profile], buffer);
        rng = Stream(m, Cohort.Offender, ComponentLvb);
        LvbProvisions.Generate(ref rng, LvbProvisions.Rate(Cohort.Offender, profile), offender, birthYear, buffer);
        rng = Stream(m, Cohort.Offender, ComponentVictim);
        VictimisationModel.Offenders[(int)profile].Generate(ref rng, offender, firstTrafficking, buffer);

        var criminal = "C" + number;
        buffer.Persons.Add(new PersonRow(criminal, Cohort.CriminalControl, matchId, sex, birthYear, null));
        rng = Stream(m, Cohort.CriminalControl, ComponentCases);
        CaseCareers.CriminalControl(ref rng, criminal, birthYear, options.Detention, buffer);
        rng = Stream(m, Cohort.CriminalControl, ComponentLvb);
        LvbProvisions.Generate(ref rng, LvbProvisions.Rate(Cohort.CriminalControl, profile), criminal, birthYear, buffer);
        rng = Stream(m, Cohort.CriminalControl, ComponentVictim);
        VictimisationModel.CriminalControl.Generate(ref rng, criminal, null, buffer);

        var noncriminal = "N" + number;
        buffer.Persons.Add(new PersonRow(noncriminal, Cohort.NoncriminalControl, matchId, sex, birthYear, null));
        rng = Stream(m, Cohort.NoncriminalControl, ComponentLvb);
        LvbProvisions.Generate(
            ref rng, LvbProvisions.Rate(Cohort.NoncriminalControl, profile), noncriminal, birthYear, buffer);
        rng = Stream(m, Cohort.NoncriminalControl, ComponentVictim);
        VictimisationModel.NoncriminalControl.Generate(ref rng, noncriminal, null, buffer);
    }

    // Profiles get exact counts for N; within each profile the first-trafficking years get exact counts of its
    // share per year, assigned by the (random) rank of the offender within the profile.
    private static double[] YearShares(int profile)
    {
        var shares = new double[ModelParameters.FirstTraffickingYears];
        var earlyYears = ModelParameters.LateTraffickingFrom - ModelParameters.FirstTraffickingFrom;
        var lateYears = ModelParameters.FirstTraffickingYears - earlyYears;
        var late = ModelParameters.LateTraffickingShare[profile];
        for (var y = 0; y < shares.Length; y++)
        {
            shares[y] = y < earlyYears ? (1 - late) / earlyYears : late / lateYears;
        }

        return shares;
    }

    private RandomStream Stream(int match, Cohort cohort, int component) =>
        RandomStream.For(options.Seed, match, ((int)cohort * StreamsPerCohort) + component);

    // Integer age from a truncated normal mixture: pick a component, redraw until the rounded age is in its range.
    private static int DrawAge(ref RandomStream rng, AgeComponent[] mixture)
    {
        Span<double> weights = stackalloc double[mixture.Length];
        for (var i = 0; i < mixture.Length; i++)
        {
            weights[i] = mixture[i].Weight;
        }

        var component = mixture[rng.Pick(weights)];
        while (true)
        {
            var age = (int)Math.Round(component.Mean + (component.Sd * rng.Normal()));
            if (age >= component.Min && age <= component.Max)
            {
                return age;
            }
        }
    }
}
