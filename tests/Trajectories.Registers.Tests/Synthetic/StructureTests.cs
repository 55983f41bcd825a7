using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Registers.Tests.Synthetic;

public class StructureTests
{
    private static readonly Lazy<InMemoryRegister> Register = new(() => RegisterHash.Generate(2500, 42, detention: true));

    [Fact]
    public void MetadataDescribesTheGeneratedRegister()
    {
        var register = Register.Value;
        Assert.True(register.IsComplete);
        var metadata = Assert.IsType<RegisterMetadata>(register.Metadata);
        Assert.Equal(new SyntheticInfo(ModelParameters.GeneratorVersion, 42UL, 2500), metadata.Synthetic);
        Assert.Equal(new YearRange(2001, 2021), metadata.CaseYears);
        Assert.Equal(12, metadata.MinAge);
    }

    [Fact]
    public void MatchedTriplesAreCompleteAndShareSexAndBirthYear()
    {
        var register = Register.Value;
        Assert.Equal(3 * 2500, register.Persons.Count);
        Assert.Equal(register.Persons.Count, register.Persons.Select(p => p.PersonId).Distinct().Count());
        foreach (var match in register.Persons.GroupBy(p => p.MatchId))
        {
            Assert.Equal(3, match.Count());
            Assert.Equal(new[] { Cohort.Offender, Cohort.CriminalControl, Cohort.NoncriminalControl }, match.Select(p => p.Cohort));
            Assert.Single(match.Select(p => p.Sex).Distinct());
            Assert.Single(match.Select(p => p.BirthYear).Distinct());
        }

        Assert.Equal("O000001", register.Persons[0].PersonId);
        Assert.Equal("M000001", register.Persons[0].MatchId);
        Assert.Equal("C000001", register.Persons[1].PersonId);
        Assert.Equal("N000001", register.Persons[2].PersonId);
    }

    [Fact]
    public void CasesRespectCohortsWindowsAndFirstTrafficking()
    {
        var register = Register.Value;
        var persons = register.Persons.ToDictionary(p => p.PersonId);
        Assert.All(register.Cases, c =>
        {
            Assert.True(c.Cases >= 1);
            Assert.InRange(c.Year, 2001, 2021);
            Assert.True(c.Year - persons[c.PersonId].BirthYear >= 12);
            Assert.NotEqual(Cohort.NoncriminalControl, persons[c.PersonId].Cohort);
        });
        Assert.Equal(register.Cases.Count, register.Cases.Select(c => (c.PersonId, c.Year)).Distinct().Count());
        var withCases = register.Cases.Select(c => c.PersonId).ToHashSet();
        var caseYears = register.Cases.Select(c => (c.PersonId, c.Year)).ToHashSet();
        foreach (var person in register.Persons)
        {
            switch (person.Cohort)
            {
                case Cohort.Offender:
                    var ft = Assert.NotNull(person.FirstTraffickingYear);
                    Assert.InRange(ft, 2008, 2017);
                    Assert.Contains((person.PersonId, ft), caseYears);
                    break;
                case Cohort.CriminalControl:
                    Assert.Null(person.FirstTraffickingYear);
                    Assert.Contains(person.PersonId, withCases);
                    break;
                default:
                    Assert.Null(person.FirstTraffickingYear);
                    break;
            }
        }
    }

    [Fact]
    public void ExposureLvbVictimisationsAndTruthAreInsideTheirWindows()
    {
        var register = Register.Value;
        var persons = register.Persons.ToDictionary(p => p.PersonId);
        Assert.All(register.Exposure, e =>
        {
            Assert.True(e.AtRisk > 0 && e.AtRisk < 1);
            Assert.InRange(e.Year, 2001, 2021);
        });
        Assert.All(register.Lvb, l => Assert.InRange(l.Year, RegisterMetadata.DefaultLvbYears[l.Source].First, RegisterMetadata.DefaultLvbYears[l.Source].Last));
        Assert.All(register.Lvb.Where(l => l.Source == LvbSource.WSW), l => Assert.True(persons[l.PersonId].BirthYear <= 1996));
        Assert.Equal(register.Lvb.Count, register.Lvb.Distinct().Count());
        Assert.All(register.Victimisations, v => Assert.InRange(v.Year, 2010, 2023));
        Assert.DoesNotContain(register.Victimisations, v => v.Category == VictimCategory.HumanTrafficking && persons[v.PersonId].Cohort != Cohort.Offender);
        var offenders = register.Persons.Where(p => p.Cohort == Cohort.Offender).Select(p => p.PersonId).ToList();
        Assert.Equal(offenders, register.Truth.Select(t => t.PersonId));
    }

    [Fact]
    public void StudySizeHasTheExactProfileAndTraffickingYearShares()
    {
        var register = RegisterHash.Generate(630, 3);
        var counts = register.Truth.GroupBy(t => t.Profile).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(227, counts[Profile.Incidental]);
        Assert.Equal(176, counts[Profile.EarlyPeaking]);
        Assert.Equal(132, counts[Profile.LatePeaking]);
        Assert.Equal(95, counts[Profile.Continuous]);
        var late = register.Persons.Count(p => p.FirstTraffickingYear >= 2013);
        Assert.InRange(late, 256, 261);
    }
}
