using Trajectories.Registers.Synthetic.Calibration;

namespace Trajectories.Registers.Tests.Synthetic;

public class CalibrationTests
{
    [Fact]
    public void EveryPublishedFigureIsWithinToleranceAt63000Offenders()
    {
        var register = RegisterHash.Generate(63000, 20240228);
        var rows = CalibrationCheck.Compute(register);
        Assert.True(rows.Count >= 70, "the check should cover every MISSION.md figure");
        var failed = rows.Where(r => !r.Pass).Select(r => $"{r.Figure}: {r.Achieved:F2} (target {r.Target}, {r.Tolerance})");
        Assert.Empty(failed);
    }

    [Fact]
    public void ABrokenRegisterFailsTheCheck()
    {
        // Dropping the continuous offenders' cases must break the case shares: the check can fail.
        var register = RegisterHash.Generate(3000, 9);
        var continuous = register.Truth.Where(t => t.Profile == Trajectories.Registers.Model.Profile.Continuous)
            .Select(t => t.PersonId).ToHashSet();
        register.Cases.RemoveAll(c => continuous.Contains(c.PersonId));
        var rows = CalibrationCheck.Compute(register);
        Assert.Contains(rows, r => r.Figure == "share of all cases, continuous" && !r.Pass);
    }

    [Fact]
    public void TheTableListsEveryRowWithItsVerdict()
    {
        var rows = new[]
        {
            CalibrationRow.Percent("ever victim", 74, 0.70, 1.5),
            CalibrationRow.Relative("mean", 3.1, 3.1, 0.05),
        };
        var text = CalibrationRow.FormatTable(rows);
        Assert.Contains("ever victim", text);
        Assert.Contains("NO", text);
        Assert.Contains("1 of 2 figures within tolerance", text);
        Assert.False(rows[0].Pass);
        Assert.True(rows[1].Pass);
    }
}
