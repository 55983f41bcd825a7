using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Trajectories.Registers.Synthetic.Calibration;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories simulate</c>: a calibrated synthetic register, streamed to Parquet or CSV.</summary>
public sealed class SimulateVerb : IVerb
{
    /// <summary>The seed sample-registers/study was generated with (its README), the default of --seed.</summary>
    public const ulong SampleSeed = 20240228UL;

    /// <summary>Above this many offenders <c>--check</c> needs more memory than a laptop likes (it holds the register).</summary>
    private const int CheckLimit = 2_000_000;

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var offenders = new Option<int>("--offenders", "-n") { Description = "Number of offenders N (the register has N offenders + N criminal + N non-criminal matched controls). 630 reproduces the study's size (1 to 100000000).", DefaultValueFactory = _ => 630 };
        var seed = new Option<ulong>("--seed")
        {
            Description = $"Random seed (same seed, same register, whatever the thread count). Default {SampleSeed}, the seed of the shipped sample register: "
                + "with the default --offenders, simulate reproduces sample-registers/study byte for byte. (fit, select and analyze seed their start schemes, not data, with 1.)",
            DefaultValueFactory = _ => SampleSeed,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the register (must be new or empty; written all-or-nothing; refused, exit 2, while another run writes it)." };
        var format = new Option<string>("--format") { Description = "Table format: parquet or csv.", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet", "csv");
        var detention = new Option<bool>("--detention") { Description = "Also simulate detention: part-year exposure (the exposure table) after high-rate years." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). The register does not depend on it.", DefaultValueFactory = _ => 0 };
        var frailty = new Option<string?>("--frailty-shape")
        {
            Description = "Shape a of every profile's person-level gamma frailty (variance 1/a; 'none' for Poisson profiles). "
                + "Default: the calibrated generator's 4. The study's figures are calibrated at the default only.",
        };
        var check = new Option<bool>("--check") { Description = "Compute every calibration figure of the study from the generated tables and print target vs achieved (exit 1 if any figure is outside its tolerance)." };

        var command = new Command("simulate", "Generate a calibrated synthetic register: four offender profiles, matched controls, LVB and victimisation.");
        foreach (var option in new Option[] { offenders, seed, output, format, detention, frailty, threads, check })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var n = parse.GetValue(offenders);
            var outDir = parse.GetValue(output);
            var doCheck = parse.GetValue(check);
            OptionRanges.Between("--offenders", n, 1, OptionRanges.MaxOffenders, $"expected 1 to {OptionRanges.MaxOffenders}");
            OptionRanges.Threads("--threads", parse.GetValue(threads));
            if (outDir is not null)
            {
                InputFiles.OutputPath("--out", outDir);
            }

            if (outDir is null && !doCheck)
            {
                throw new UsageException("give --out DIR to write the register, or --check to only check the calibration.");
            }

            if (doCheck && n > CheckLimit)
            {
                throw new UsageException($"--check holds the register in memory; use at most {CheckLimit:N0} offenders (63 000 already gives tight figures).");
            }

            var options = new GeneratorOptions
            {
                Offenders = n,
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Detention = parse.GetValue(detention),
                FrailtyShape = FrailtyShape(parse.GetValue(frailty)),
            };
            RegisterFormats.TryParse(parse.GetValue(format)!, out var tableFormat);
            var memory = doCheck ? new InMemoryRegister() : null;
            var clock = Stopwatch.StartNew();
            using (var sink = Sink(outDir, tableFormat, memory))
            {
                ConsoleProgress.Run(context, "generating", progress =>
                {
                    SyntheticRegisterGenerator.Generate(options, sink, progress is null ? null : new Fraction(progress, n));
                    return 0;
                });
            }

            var c = CultureInfo.InvariantCulture;
            if (outDir is not null)
            {
                context.Out.WriteLine(string.Create(c, $"{n:N0} offenders + {2L * n:N0} controls (seed {options.Seed}) written to {Path.GetFullPath(outDir)} as {parse.GetValue(format)} in {clock.Elapsed.TotalSeconds:F1} s"));
            }

            if (memory is null)
            {
                return ExitCodes.Success;
            }

            var rows = CalibrationCheck.Compute(memory, options.FrailtyShapes);
            // The table ends with its own "N of M figures within tolerance" line.
            context.Out.Write(CalibrationRow.FormatTable(rows));
            var failed = rows.Count(r => !r.Pass);
            if (failed > 0 && n < 10_000)
            {
                context.Out.WriteLine("note: at study size sampling error alone exceeds several tolerances; check on a large register (e.g. --offenders 63000).");
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.FitFailed;
        }));
        return command;
    }

    /// <summary>The value of --frailty-shape: null when not given, +∞ for "none", else a finite number &gt; 0.</summary>
    /// <exception cref="UsageException">Anything else.</exception>
    private static double? FrailtyShape(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.IsFinite(a) && a > 0
            ? a
            : throw new UsageException($"--frailty-shape must be a number above 0 or 'none', not '{value}'.");
    }

    private static IRegisterSink Sink(string? folder, RegisterFormat format, InMemoryRegister? memory)
    {
        if (folder is null)
        {
            return memory!;
        }

        var file = RegisterWriter.Create(folder, format);
        return memory is null ? file : new TeeSink(file, memory);
    }

    /// <summary>The generator's fraction done as offenders (with their matched controls) generated, for the count on the progress line.</summary>
    private sealed class Fraction(IProgress<FitProgress> inner, int offenders) : IProgress<double>
    {
        public void Report(double value) => inner.Report(new FitProgress("offenders generated", (int)Math.Round(value * offenders), offenders));
    }
}
