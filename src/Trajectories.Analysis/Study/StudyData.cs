using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Panels;

namespace Trajectories.Analysis.Study;

/// <summary>
/// What the analysis needs of a register, built once: per-person facts (cases, LVB, victimisation) and the offender
/// panel. The register's event rows are not kept, so a caller that does not hold on to the register frees them before
/// the models are fitted — on a population register that is a gigabyte of rows.
/// </summary>
public sealed class StudyData
{
    private StudyData(RegisterMetadata metadata, PersonFacts facts, OffenderPanel panel, int recentYears)
    {
        Metadata = metadata;
        Facts = facts;
        Panel = panel;
        RecentYears = recentYears;
    }

    /// <summary>The register's metadata.</summary>
    public RegisterMetadata Metadata { get; }

    /// <summary>The trajectory panel: one series per observable offender.</summary>
    public OffenderPanel Panel { get; }

    /// <summary>The years before the first trafficking year that count as recent victimisation (see <see cref="AnalysisOptions.RecentYears"/>).</summary>
    public int RecentYears { get; }

    /// <summary>Per-person facts, indexed like the register's persons.</summary>
    internal PersonFacts Facts { get; }

    /// <summary>Builds the facts and the panel of a register.</summary>
    /// <param name="register">The register (e.g. <c>RegisterReader.LoadColumns</c>).</param>
    /// <param name="recentYears">Years before the first trafficking year that count as recent victimisation.</param>
    /// <param name="stages">Receives "person facts" and "offender panel" with their seconds.</param>
    /// <exception cref="InputException">The register has no persons of a cohort, or no observable offender.</exception>
    public static StudyData Prepare(ColumnarRegister register, int recentYears = 3, Action<string, double>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var facts = new PersonFacts(register, recentYears);
        foreach (var c in Enum.GetValues<Cohort>().Where(c => facts.Cohort(c).Length == 0))
        {
            throw new InputException("persons", null, "cohort", $"the register has no persons of cohort {Codes.Of(c)}; the analysis needs offenders and both control groups.");
        }

        stages?.Invoke("person facts", clock.Elapsed.TotalSeconds);
        clock.Restart();
        var panel = RegisterPanel.Build(register);
        stages?.Invoke("offender panel", clock.Elapsed.TotalSeconds);
        return new StudyData(register.Metadata, facts, panel, recentYears);
    }
}
