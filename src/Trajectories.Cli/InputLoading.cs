using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

namespace Trajectories.Cli;

/// <summary>Turns a verb's INPUT (wide CSV, long CSV/Parquet, or register folder) into a panel.</summary>
public static class InputLoading
{
    /// <summary>
    /// Loads the panel. A register folder is validated in full first (streaming, bounded memory), so a broken
    /// register is reported with its file, line and column before any fitting starts.
    /// </summary>
    /// <remarks>Outcome values are checked by <paramref name="family"/>'s rule (counts when null).</remarks>
    public static LoadedPanel LoadPanel(string input, string? exposure, Core.Families.ITrajectoryFamily? family = null, string? risk = null, string? tcov = null)
    {
        var loaded = Load(input, exposure, family);
        var panel = risk is null ? loaded.Panel : RiskFile.Attach(loaded.Panel, risk);
        panel = tcov is null ? panel : TcovFile.Attach(panel, tcov);
        return loaded with { Panel = panel };
    }

    private static LoadedPanel Load(string input, string? exposure, Core.Families.ITrajectoryFamily? family)
    {
        return PanelInput.Load(input, exposure, rule: family is null ? null : OutcomeRule.For(family), registerFolder: folder =>
        {
            var register = RegisterReader.Open(folder);
            RegisterReader.ValidateRegister(folder);
            return RegisterPanel.Build(
                register.Metadata,
                register.Persons(),
                register.Cases(),
                register.Has(RegisterTable.Exposure) ? register.Exposure() : null);
        });
    }

    /// <summary>Text of a panel format for <c>model.json</c>.</summary>
    public static string FormatText(PanelFormat format) => format switch
    {
        PanelFormat.WideCsv => "wide_csv",
        PanelFormat.LongCsv => "long_csv",
        PanelFormat.LongParquet => "long_parquet",
        PanelFormat.Register => "register",
        _ => format.ToString().ToLowerInvariant(),
    };
}
