using System.Globalization;
using System.Text.Json;
using Trajectories.Analysis.Disclosure;

namespace Trajectories.Reporting.Tests.Disclosure;

/// <summary>
/// An output checker who tries to undo the disclosure control of a <c>results.json</c> using only what it publishes:
/// the rule (from its <c>disclosure</c> object), every count, and every figure derived from counts. For each
/// percentage, share, ratio, mean and interval it searches the integer counts consistent with the published figure
/// and the rounding intervals of the published counts; it propagates the additive relations a reader knows (the
/// profiles partition the panel, panel + unobservable = offenders, profile events add up to the offenders'); and it
/// checks that every copy of a count agrees and that nothing derived from a suppressed cell is published. A finding
/// is a count pinned to a value other than its published one, or a suppressed cell determined.
/// </summary>
internal sealed class ResultsAttacker
{
    private static readonly (string Table, string Events)[] RateTables =
        [("lvb", "n_lvb"), ("victimisation", "n_victims"), ("categories", "n_events"), ("recent_victimisation", "n_victims")];

    private readonly JsonElement _root;
    private readonly DisclosureRule _rule;
    private readonly List<string> _findings = [];

    public ResultsAttacker(JsonElement root)
    {
        _root = root;
        var d = root.GetProperty("disclosure");
        _rule = new DisclosureRule(
            d.GetProperty("rounding_base").GetInt32(),
            d.GetProperty("rounding").GetString() == "nearest" ? RoundingMode.Nearest : RoundingMode.UnbiasedRandom,
            d.GetProperty("suppression_threshold").GetInt32(),
            d.GetProperty("seed").ValueKind == JsonValueKind.Number ? d.GetProperty("seed").GetUInt64() : 0);
    }

    /// <summary>What the attack found (empty when the disclosure control held).</summary>
    public IReadOnlyList<string> Findings => _findings;

    /// <summary>Figures the attacker tried to invert.</summary>
    public int Attempts { get; private set; }

    /// <summary>Suppressed count cells seen.</summary>
    public int SuppressedCells { get; private set; }

    public ResultsAttacker Run()
    {
        foreach (var (table, events) in RateTables)
        {
            foreach (var row in Rows(table))
            {
                Ratio($"{table} {Id(row)} percent", Count(row, events), Count(row, "n"), Real(row, "percent"), 100);
                RiskRatio(table, events, row);
            }
        }

        foreach (var row in Rows("victimisation"))
        {
            Ratio($"victimisation {Id(row)} mean", Count(row, "n_victimisations"), Count(row, "n_victims"), Real(row, "mean_count_among_victims"), 1);
        }

        var panel = Count(_root.GetProperty("register"), "panel_offenders");
        foreach (var row in Rows("profiles"))
        {
            Ratio($"profiles {Id(row)} share", Count(row, "n"), panel, Real(row, "share"), 1);
            foreach (var column in new[] { "mean_age_first_case", "mean_age_first_trafficking", "mean_cases_before_trafficking" })
            {
                MeanOfIntegers($"profiles {Id(row)} {column}", row, column, Count(row, "n"));
            }
        }

        foreach (var row in _root.GetProperty("model").GetProperty("groups").EnumerateArray())
        {
            Ratio($"groups {Id(row)} assigned_share", Count(row, "assigned_n"), Count(_root.GetProperty("model"), "n_persons"), Real(row, "assigned_share"), 1);
        }

        foreach (var row in _root.GetProperty("model").GetProperty("trajectories").EnumerateArray())
        {
            MeanOfIntegers($"trajectories {Id(row)} observed_mean", row, "observed_mean", Count(row, "n"));
        }

        Paired();
        Contrasts();
        var model = _root.GetProperty("model");
        foreach (var row in _root.GetProperty("selection").GetProperty("rows").EnumerateArray().Prepend(model))
        {
            Bic(row, Count(model, "n_persons"), "bic_persons", "n_persons");
            Bic(row, Count(model, "n_observations"), "bic_observations", "n_observations");
        }

        Copies();
        Partitions();
        return this;
    }

    private IEnumerable<JsonElement> Rows(string table) => table switch
    {
        "victimisation" => _root.GetProperty("victimisation").GetProperty("ever").EnumerateArray(),
        "categories" => _root.GetProperty("victimisation").GetProperty("categories").EnumerateArray(),
        "recent_victimisation" => _root.GetProperty("victimisation").GetProperty("recent_before_trafficking").EnumerateArray(),
        _ => _root.GetProperty(table).EnumerateArray(),
    };

    // A figure = scale · X / N of two published counts: which (X, N) in their rounding intervals give exactly it?
    private void Ratio(string what, long? x, long? n, double? value, double scale)
    {
        if (value is not { } v)
        {
            return;
        }

        if (x is null || n is null)
        {
            _findings.Add($"{what} = {v} is published although a count behind it is suppressed");
            return;
        }

        Attempts++;
        var solutions = new List<(long X, long N)>();
        foreach (var xi in Range(x))
        {
            foreach (var ni in Range(n))
            {
                if (ni > 0 && Same(scale * xi / ni, v))
                {
                    solutions.Add((xi, ni));
                }
            }
        }

        Pinned(what + " numerator", solutions.Select(s => s.X), x.Value);
        Pinned(what + " denominator", solutions.Select(s => s.N), n.Value);
    }

    private void RiskRatio(string table, string events, JsonElement row)
    {
        var reference = Rows(table).FirstOrDefault(r => Text(r, "outcome") == Text(row, "outcome") && Text(r, "population") == "noncriminal_control");
        if (reference.ValueKind != JsonValueKind.Object || Text(row, "population") == "noncriminal_control")
        {
            return;
        }

        var counts = new[] { Count(row, events), Count(row, "n"), Count(reference, events), Count(reference, "n") };
        var what = $"{table} {Id(row)} vs non-criminal";
        if (counts.Any(c => c is null))
        {
            foreach (var field in new[] { "ratio_vs_noncriminal", "ci_low", "ci_high", "p_value", "p_holm" })
            {
                if (Real(row, field) is not null)
                {
                    _findings.Add($"{what}: {field} is published although a count behind it is suppressed");
                }
            }

            return;
        }

        if (Real(row, "ratio_vs_noncriminal") is not { } rr)
        {
            return;
        }

        Attempts++;
        var solutions = new List<long[]>();
        foreach (var x1 in Range(counts[0]))
        {
            foreach (var n1 in Range(counts[1]).Where(n => n > 0))
            {
                foreach (var x2 in Range(counts[2]).Where(x => x > 0))
                {
                    foreach (var n2 in Range(counts[3]).Where(n => n > 0))
                    {
                        if (Same((double)x1 / n1 / ((double)x2 / n2), rr))
                        {
                            solutions.Add([x1, n1, x2, n2]);
                        }
                    }
                }
            }
        }

        for (var i = 0; i < 4; i++)
        {
            Pinned($"{what} count {i}", solutions.Select(s => s[i]), counts[i]!.Value);
        }
    }

    private void Paired()
    {
        foreach (var row in _root.GetProperty("paired").EnumerateArray())
        {
            var what = $"paired {Id(row)}";
            var b = Count(row, "offender_only");
            var c = Count(row, "control_only");
            if ((b is null || c is null) && new[] { "conditional_odds_ratio", "ci_low", "ci_high", "p_value", "p_holm" }.Any(f => Real(row, f) is not null))
            {
                _findings.Add($"{what}: a figure is published although a discordant count is suppressed");
            }

            if (b is not null && c is not null)
            {
                Ratio(what + " conditional OR", b, c, Real(row, "conditional_odds_ratio"), 1);
            }

            if (Count(row, "both") is null && Real(row, "paired_risk_ratio") is not null)
            {
                _findings.Add($"{what}: paired risk ratio published although 'both' is suppressed");
            }
        }
    }

    // Every test of the contrasts table: withheld when a count of a population it compares is suppressed.
    private void Contrasts()
    {
        foreach (var row in _root.GetProperty("contrasts").EnumerateArray())
        {
            var outcome = Text(row, "outcome");
            var kind = Text(row, "kind");
            if (kind == "paired")
            {
                continue;
            }

            var (table, events) = outcome == "victim_count" ? ("victimisation", "n_victimisations")
                : RateTables.First(t => Rows(t.Table).Any(r => Text(r, "outcome") == outcome));
            var populations = Text(row, "population").Split(' ').Append(Text(row, "versus")).Where(p => p.Length > 0);
            var source = Rows(table).Where(r => outcome == "victim_count" || Text(r, "outcome") == outcome).ToArray();
            var hidden = populations.Any(p => source.Where(r => Text(r, "population") == p)
                .Any(r => Count(r, events) is null || Count(r, outcome == "victim_count" ? "n_victims" : "n") is null));
            if (hidden && new[] { "estimate", "ci_low", "ci_high", "statistic", "p_value", "p_holm" }.Any(f => Real(row, f) is not null))
            {
                _findings.Add($"contrasts {outcome} {kind} {Text(row, "population")} vs {Text(row, "versus")}: published although a count behind it is suppressed");
            }
        }
    }

    // −2LL + k ln n and LL give n: it must be the published count, not the true one.
    private void Bic(JsonElement row, long? published, string bic, string count)
    {
        if (Real(row, bic) is not { } b || Real(row, "log_likelihood") is not { } ll || published is not { } n)
        {
            return;
        }

        Attempts++;
        var implied = Math.Exp((b + (2 * ll)) / row.GetProperty("n_parameters").GetInt64());
        if (Math.Abs(implied - n) > 1e-6 * n)
        {
            _findings.Add($"{bic} of {Id(row)} implies {count} = {implied:0.000}, not the published {n}");
        }
    }

    // A mean of integer values over m persons, published to d decimals: which m in n's interval allow an integer sum?
    private void MeanOfIntegers(string what, JsonElement row, string column, long? n)
    {
        var value = row.GetProperty(column);
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        if (n is null)
        {
            _findings.Add($"{what} is published although its n is suppressed");
            return;
        }

        Attempts++;
        var text = value.GetRawText();
        var decimals = text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.OrdinalIgnoreCase) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var v = value.GetDouble();
        var half = 0.5 * Math.Pow(10, -decimals);
        var possible = Range(n).Where(m => m > 0 && Math.Floor((v + half) * m) >= Math.Ceiling((v - half) * m)).ToArray();
        if (possible.Length == 1 && possible[0] != n)
        {
            _findings.Add($"{what} = {text} pins n to {possible[0]} (published {n})");
        }
    }

    // The same count in several tables must be published as one value, or the copies narrow it down.
    private void Copies()
    {
        var register = _root.GetProperty("register");
        var sizes = new Dictionary<string, List<long?>>(StringComparer.Ordinal)
        {
            ["offender"] = [Count(register, "offenders")],
            ["criminal_control"] = [Count(register, "criminal_controls")],
            ["noncriminal_control"] = [Count(register, "noncriminal_controls")],
        };
        foreach (var table in new[] { "lvb", "victimisation" })
        {
            foreach (var row in Rows(table))
            {
                sizes.TryAdd(Text(row, "population"), []);
                sizes[Text(row, "population")].Add(Count(row, "n"));
            }
        }

        foreach (var row in Rows("profiles"))
        {
            sizes[Text(row, "population")].Add(Count(row, "n"));
        }

        foreach (var row in _root.GetProperty("model").GetProperty("groups").EnumerateArray())
        {
            sizes[Text(row, "population")].Add(Count(row, "assigned_n"));
        }

        var victims = Rows("victimisation").ToDictionary(r => Text(r, "population"), r => Count(r, "n_victims"), StringComparer.Ordinal);
        foreach (var row in Rows("categories"))
        {
            Agree($"victims of {Text(row, "population")}", [victims[Text(row, "population")], Count(row, "n")]);
        }

        foreach (var (population, copies) in sizes)
        {
            Agree($"size of {population}", copies);
        }

        Agree("panel offenders", [Count(register, "panel_offenders"), Count(_root.GetProperty("model"), "n_persons")]);
    }

    private void Agree(string what, IReadOnlyList<long?> copies)
    {
        Attempts++;
        if (copies.Distinct().Count() > 1)
        {
            _findings.Add($"{what} is published as {string.Join(", ", copies.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "x"))}");
        }
    }

    // Interval propagation over the relations a reader knows; then no suppressed cell may be exact, and no rounded
    // cell exact at another value than published.
    private void Partitions()
    {
        var cells = new List<(string What, long? Published)>();
        var relations = new List<CountIntervals.Relation>();
        int Cell(string what, long? published)
        {
            cells.Add((what, published));
            SuppressedCells += published is null ? 1 : 0;
            return cells.Count - 1;
        }

        var register = _root.GetProperty("register");
        var offenders = Cell("register.offenders", Count(register, "offenders"));
        var panel = Cell("register.panel_offenders", Count(register, "panel_offenders"));
        var unobservable = Cell("register.unobservable_offenders", Count(register, "unobservable_offenders"));
        relations.Add(new(offenders, [panel, unobservable], 0));
        var profiles = Rows("profiles").Select(r => Text(r, "population")).ToHashSet(StringComparer.Ordinal);
        relations.Add(new(panel, Rows("profiles").Select(r => Cell($"profiles {Id(r)} n", Count(r, "n"))).ToArray(), 0));
        var remainder = Interval(Count(register, "unobservable_offenders")).High;
        foreach (var (table, events) in RateTables)
        {
            foreach (var outcome in Rows(table).GroupBy(r => Text(r, "outcome")))
            {
                var offender = outcome.FirstOrDefault(r => Text(r, "population") == "offender");
                if (offender.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var column in new[] { "n", events })
                {
                    var parts = outcome.Where(r => profiles.Contains(Text(r, "population"))).Select(r => Cell($"{table} {Id(r)} {column}", Count(r, column))).ToArray();
                    relations.Add(new(Cell($"{table} {Id(offender)} {column}", Count(offender, column)), parts, remainder));
                }
            }
        }

        var intervals = cells.Select(c => Interval(c.Published)).ToArray();
        CountIntervals.Propagate(intervals, relations);
        for (var i = 0; i < cells.Count; i++)
        {
            Attempts++;
            if (intervals[i].IsExact && cells[i].Published != intervals[i].Low)
            {
                _findings.Add($"{cells[i].What} (published {cells[i].Published?.ToString(CultureInfo.InvariantCulture) ?? "x"}) is determined: {intervals[i].Low}");
            }
        }
    }

    private void Pinned(string what, IEnumerable<long> solutions, long published)
    {
        var distinct = solutions.Distinct().ToArray();
        if (distinct.Length == 1 && distinct[0] != published)
        {
            _findings.Add($"{what} is pinned to {distinct[0]} (published {published})");
        }
    }

    private CountInterval Interval(long? count) =>
        CountInterval.Of(new DisclosedCount(count, count?.ToString(CultureInfo.InvariantCulture) ?? _rule.SuppressedSymbol), _rule);

    private IEnumerable<long> Range(long? count)
    {
        var i = Interval(count);
        for (var v = i.Low; v <= i.High; v++)
        {
            yield return v;
        }
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    private static long? Count(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Number ? row.GetProperty(name).GetInt64() : null;

    private static double? Real(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Text(JsonElement row, string name) => row.GetProperty(name).GetString() ?? string.Empty;

    private static string Id(JsonElement row) => string.Join('/', new[] { "outcome", "population", "group", "versus", "age", "label", "model", "family" }
        .Where(k => row.TryGetProperty(k, out _)).Select(k => row.GetProperty(k).ToString()));
}
