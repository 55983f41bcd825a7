namespace Trajectories.Registers.Tests.Synthetic;

public class DeterminismTests
{
    [Fact]
    public void SameSeedGivesIdenticalRows()
    {
        var first = RegisterHash.Of(RegisterHash.Generate(630, 7));
        var second = RegisterHash.Of(RegisterHash.Generate(630, 7));
        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentRows()
    {
        Assert.NotEqual(RegisterHash.Of(RegisterHash.Generate(630, 7)), RegisterHash.Of(RegisterHash.Generate(630, 8)));
    }

    [Fact]
    public void ThreadCountAndChunkSizeDoNotChangeTheRegister()
    {
        // Small chunks force many chunks per batch, so threads really interleave.
        var single = RegisterHash.Of(RegisterHash.Generate(3000, 11, threads: 1, chunkSize: 97, detention: true));
        var four = RegisterHash.Of(RegisterHash.Generate(3000, 11, threads: 4, chunkSize: 97, detention: true));
        var oneChunk = RegisterHash.Of(RegisterHash.Generate(3000, 11, threads: 3, chunkSize: 5000, detention: true));
        Assert.Equal(single, four);
        Assert.Equal(single, oneChunk);
    }

    [Fact]
    public void DetentionChangesOnlyCasesAndExposure()
    {
        // Each component draws from its own stream, so switching detention on leaves persons, LVB and
        // victimisations untouched.
        var off = RegisterHash.Generate(2000, 5);
        var on = RegisterHash.Generate(2000, 5, detention: true);
        Assert.Empty(off.Exposure);
        Assert.NotEmpty(on.Exposure);
        Assert.Equal(off.Persons, on.Persons);
        Assert.Equal(off.Lvb, on.Lvb);
        Assert.Equal(off.Victimisations, on.Victimisations);
        Assert.Equal(off.Truth, on.Truth);
    }

    [Fact]
    public void FrailtyShapeChangesOnlyCasesAndMoreVariationIsHarderToClassify()
    {
        // The frailty is drawn from the cases' own stream, so its shape leaves every other table untouched; more
        // within-profile variation (a smaller shape) makes even the oracle that knows it assign fewer offenders right.
        Register Generate(double? shape)
        {
            var register = new Trajectories.Registers.Model.InMemoryRegister();
            Trajectories.Registers.Synthetic.SyntheticRegisterGenerator.Generate(
                new Trajectories.Registers.Synthetic.GeneratorOptions { Offenders = 3000, Seed = 5, FrailtyShape = shape }, register);
            return new Register(register, Trajectories.Registers.Synthetic.Calibration.CalibrationCheck.OracleAgreement(
                register, new Trajectories.Registers.Synthetic.GeneratorOptions { FrailtyShape = shape }.FrailtyShapes));
        }

        var poisson = Generate(double.PositiveInfinity);
        var standard = Generate(null);
        var wide = Generate(1.5);
        Assert.Equal(poisson.Rows.Persons, wide.Rows.Persons);
        Assert.Equal(poisson.Rows.Lvb, wide.Rows.Lvb);
        Assert.Equal(poisson.Rows.Victimisations, wide.Rows.Victimisations);
        Assert.NotEqual(poisson.Rows.Cases, wide.Rows.Cases);
        Assert.Equal(standard.Rows.Cases, Generate(4.0).Rows.Cases);
        Assert.True(poisson.Oracle > standard.Oracle && standard.Oracle > wide.Oracle, $"{poisson.Oracle} {standard.Oracle} {wide.Oracle}");
    }

    private sealed record Register(Trajectories.Registers.Model.InMemoryRegister Rows, double Oracle);
}
