using System.Net;
using System.Text.RegularExpressions;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Io;
using Trajectories.Reporting.Report;
using Trajectories.Testing;

namespace Trajectories.Reporting.Tests.Analysis;

/// <summary>The report as a reader sees it: suppressed cells, what is withheld with them, and the rule in words.</summary>
public sealed partial class ReportDisclosureTests
{
    private static readonly Lazy<string> Html = new(() =>
    {
        var register = RegisterReader.Load(Path.Combine(RepositoryPaths.Root, "sample-registers", "study"));
        var result = StudyAnalysis.Run(register, new AnalysisOptions { Groups = [4], Orders = [3], Starts = 2 });
        return StudyReport.Render(result, StudyFigures.Render(result));
    });

    [Fact]
    public void A_suppressed_count_shows_x_and_everything_derived_from_it_a_dash()
    {
        var rows = RowPattern().Matches(Html.Value).Select(m => CellPattern().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToArray();

        // Rate tables: population | n | with outcome | % | ratio (CI) | p | p (Holm) | test.
        var suppressed = rows.Where(r => r.Length == 8 && r[2] == "x").ToArray();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, r => Assert.Equal(["–", "–", "–", "–"], r[3..7]));
        Assert.All(suppressed.Where(r => r[0] != "non-criminal control"), r => Assert.StartsWith("withheld", r[7], StringComparison.Ordinal));

        // The category table shows "% (n)": a suppressed n never has a percentage beside it.
        Assert.DoesNotContain(rows.SelectMany(r => r), c => PercentBesideX().IsMatch(c));
    }

    [Fact]
    public void The_rule_and_the_number_of_withheld_cells_are_stated()
    {
        Assert.Contains("computed from the published counts", Html.Value, StringComparison.Ordinal);
        Assert.Matches(@"In this report \d+ cells were suppressed as small and \d+ more", Html.Value);
        Assert.Contains("CBS output-checking", Html.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"\d\s*%\s*\(x\)")]
    private static partial Regex PercentBesideX();
}
