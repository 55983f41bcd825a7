using System.Globalization;
using Trajectories.Core.Results;

namespace Trajectories.Reporting.Fits;

/// <summary>The global search of a fit in one sentence, for the console and the report.</summary>
public static class SearchText
{
    /// <summary>
    /// E.g. "search: 20 starts, 4 run to convergence, 3 reached the best (3 independent starts; replicated);
    /// next optimum −8032.521 (1 run)".
    /// </summary>
    public static string Line(SearchSummary search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var c = CultureInfo.InvariantCulture;
        var rounds = search.Rounds > 1 ? string.Create(c, $" in {search.Rounds} rounds") : string.Empty;
        var verdict = search.Replicated
            ? "replicated"
            : string.Create(c, $"NOT replicated: {search.RequiredReplications} required");
        var text = string.Create(
            c,
            $"search: {search.Starts} starts{rounds}, {search.RunToConvergence} run to convergence, {search.AtBest} reached the best ({Plural(search.Replications, "independent start")}; {verdict})");
        if (search.Optima.Count > 1)
        {
            var next = search.Optima[1];
            text += string.Create(c, $"; next optimum {next.LogLikelihood:F3} ({Plural(next.Runs, "run")})");
        }

        if (search.Discarded.Count > 0)
        {
            text += string.Create(c, $"; {Plural(search.Discarded.Sum(d => d.Count), "start")} discarded");
        }

        return text;
    }

    private static string Plural(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
