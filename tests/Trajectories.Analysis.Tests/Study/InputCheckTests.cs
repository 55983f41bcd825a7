using Trajectories.Analysis.Study;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>Registers the analysis cannot run on fail before any fitting, with a message naming the problem.</summary>
public sealed class InputCheckTests
{
    [Theory]
    [InlineData(Cohort.Offender)]
    [InlineData(Cohort.NoncriminalControl)]
    [InlineData(Cohort.CriminalControl)]
    public void A_missing_cohort_is_an_input_error(Cohort missing)
    {
        var full = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 30, Seed = 4 }, full);
        var register = new InMemoryRegister();
        register.WriteMetadata(full.Metadata!);
        var kept = full.Persons.Where(p => p.Cohort != missing).ToArray();
        var ids = kept.Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        register.Persons.AddRange(kept);
        register.Cases.AddRange(full.Cases.Where(r => ids.Contains(r.PersonId)));
        register.Lvb.AddRange(full.Lvb.Where(r => ids.Contains(r.PersonId)));
        register.Victimisations.AddRange(full.Victimisations.Where(r => ids.Contains(r.PersonId)));

        var e = Assert.Throws<InputException>(() => StudyAnalysis.Run(register, new AnalysisOptions { Groups = [1], Orders = [1], Starts = 1 }));
        Assert.Contains(Codes.Of(missing), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_without_metadata_is_an_input_error()
    {
        var register = new InMemoryRegister();
        Assert.Throws<InputException>(() => StudyAnalysis.Run(register, new AnalysisOptions()));
    }
}
