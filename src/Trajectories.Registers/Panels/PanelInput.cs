using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Reads the <c>INPUT</c> of <c>fit</c>/<c>select</c> (INTERFACES.md §2), whatever its layout: a wide CSV, a long
/// CSV, a long Parquet file or a register folder.
/// </summary>
/// <remarks>
/// Detection: a directory is a register; a <c>.parquet</c> file is long; a <c>.csv</c> (or any other file) is long
/// when its header is exactly <c>person_id,time,count[,exposure]</c> (any order) and wide when every column after
/// the first is a numeric time; anything else is an error naming the offending column. Register folders are read
/// by the register readers (Io), which this layer does not duplicate: the caller passes them in as
/// <c>registerFolder</c>, typically <c>dir =&gt; RegisterPanel.Build(meta, persons, cases, exposure)</c> over
/// that folder's tables.
/// </remarks>
public static class PanelInput
{
    /// <summary>Reads <paramref name="path"/> into a panel.</summary>
    /// <param name="path">The input file or register folder.</param>
    /// <param name="exposurePath">A wide exposure file (<c>--exposure</c>); only valid with a wide input.</param>
    /// <param name="registerFolder">Builds the offender panel of a register folder; null when folders are not supported.</param>
    /// <param name="rule">Which outcome values are valid (counts when null); a register holds case counts.</param>
    /// <exception cref="InputException">Bad input; the message names the file, line and column where it can.</exception>
    public static LoadedPanel Load(string path, string? exposurePath = null, Func<string, OffenderPanel>? registerFolder = null, OutcomeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = Detect(path);
        if (exposurePath is not null && format != PanelFormat.WideCsv)
        {
            throw new InputException(exposurePath, null, null, format == PanelFormat.Register
                ? "--exposure applies to a wide CSV input; a register carries its own exposure table."
                : "--exposure applies to a wide CSV input; a long input carries exposure in its 'exposure' column.");
        }

        switch (format)
        {
            case PanelFormat.Register:
                if (registerFolder is null)
                {
                    throw new InputException(path, null, null, "register folders are not supported by this command; give a wide or long file.");
                }

                var offenders = registerFolder(path);
                return new LoadedPanel(offenders.Panel, PanelFormat.Register, path, offenders.UnobservableOffenders.Count, offenders);
            case PanelFormat.LongParquet:
                return LongParquetReader.Read(path, rule);
            case PanelFormat.LongCsv:
                return LongCsvReader.Read(path, rule);
            default:
                return WidePanelReader.Read(path, exposurePath, rule);
        }
    }

    /// <summary>How <paramref name="path"/> would be read; reads at most the header of a file.</summary>
    /// <exception cref="InputException">The path does not exist, or a CSV header is neither long nor wide.</exception>
    public static PanelFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return PanelFormat.Register;
        }

        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, "no such file or folder.");
        }

        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return PanelFormat.LongParquet;
        }

        using var reader = new CsvReader(path);
        if (LongLayout.Matches(reader.Header))
        {
            return PanelFormat.LongCsv;
        }

        if (LongLayout.Stray(reader.Header) is { } stray)
        {
            throw new InputException(path, 1, stray, $"the header is neither long nor wide: a long file has exactly the columns person_id,time,count[,exposure], and {MessageText.Quote(stray)} is not one of them (or is repeated).");
        }

        if (WideLayout.TryParse(reader.Header, out var column, out var problem) is null)
        {
            throw new InputException(path, 1, column, $"the header is neither long (person_id,time,count[,exposure]) nor wide (person id, then numeric time columns): {problem}");
        }

        return PanelFormat.WideCsv;
    }
}
