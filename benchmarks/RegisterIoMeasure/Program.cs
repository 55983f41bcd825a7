using System.Diagnostics;
using System.Globalization;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Validation;

// Measures register IO at scale. Run each step under /usr/bin/time -v for the peak resident set:
//   RegisterIoMeasure write csv|parquet DIR MATCHES   fabricate MATCHES triples (3 × MATCHES persons) and write them
//   RegisterIoMeasure validate DIR                    stream-validate every table
//   RegisterIoMeasure read DIR                        stream every table through the typed readers, no validation
//   RegisterIoMeasure index N                         person index vs a string dictionary, N persons
var clock = Stopwatch.StartNew();
switch (args.ElementAtOrDefault(0))
{
    case "write" when args.Length == 4:
        Write(RegisterFormats.TryParse(args[1], out var f) ? f : throw new ArgumentException(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        break;
    case "validate" when args.Length == 2:
        var s = RegisterReader.ValidateRegister(args[1]);
        Console.WriteLine($"valid: {s.Persons} persons, {s.Matches} matches, {string.Join(", ", s.Rows.Select(p => $"{p.Key} {p.Value}"))}; person index {s.IndexBytes / 1e6:F1} MB");
        break;
    case "read" when args.Length == 2:
        Read(args[1]);
        break;
    case "index" when args.Length == 2:
        Index(int.Parse(args[1], CultureInfo.InvariantCulture));
        break;
    default:
        Console.Error.WriteLine("usage: write csv|parquet DIR MATCHES | validate DIR | read DIR | index N");
        return 2;
}

Console.WriteLine($"{args[0]}: {clock.Elapsed.TotalSeconds:F1} s wall");
return 0;

// One offender (10 case years, 2 exposure rows, 3 victimisations, an LVB row for 1 in 10, a truth row), a criminal
// control (3 case years, an LVB row for 1 in 20) and a noncriminal control per match, interleaved as a generator would.
static void Write(RegisterFormat format, string folder, int matches)
{
    using var sink = RegisterWriter.Create(folder, format);
    sink.WriteMetadata(new RegisterMetadata { Name = "measure", Synthetic = new SyntheticInfo("measure", 1, matches) });
    var rng = new Random(1);
    var years = new int[21];
    long rows = 0;
    for (var m = 0; m < matches; m++)
    {
        var birth = 1975 + rng.Next(21);
        var sex = rng.Next(5) == 0 ? Sex.F : Sex.M;
        var match = "M" + m.ToString("D7", CultureInfo.InvariantCulture);
        var o = "P" + (3 * m).ToString("D8", CultureInfo.InvariantCulture);
        var c = "P" + ((3 * m) + 1).ToString("D8", CultureInfo.InvariantCulture);
        var n = "P" + ((3 * m) + 2).ToString("D8", CultureInfo.InvariantCulture);
        sink.Add(new PersonRow(o, Cohort.Offender, match, sex, birth, 2008 + rng.Next(10)));
        sink.Add(new PersonRow(c, Cohort.CriminalControl, match, sex, birth, null));
        sink.Add(new PersonRow(n, Cohort.NoncriminalControl, match, sex, birth, null));
        sink.Add(new TruthRow(o, (Profile)rng.Next(4)));
        var first = Math.Max(2001, birth + 12);
        var span = 2021 - first + 1;
        for (var i = 0; i < span; i++)
        {
            years[i] = first + i;
        }

        rng.Shuffle(years.AsSpan(0, span));
        for (var i = 0; i < Math.Min(span, 10); i++, rows++)
        {
            sink.Add(new CaseRow(o, years[i], 1 + rng.Next(4)));
        }

        for (var i = 0; i < Math.Min(span, 3); i++, rows++)
        {
            sink.Add(new CaseRow(c, years[i], 1));
        }

        sink.Add(new ExposureRow(o, years[0], 0.25 + (rng.Next(3) / 4.0)));
        sink.Add(new ExposureRow(o, years[1], 0.5));
        for (var i = 0; i < 3; i++)
        {
            sink.Add(new VictimisationRow(o, 2010 + rng.Next(14), (VictimCategory)rng.Next(7)));
        }

        if (rng.Next(10) == 0)
        {
            sink.Add(new LvbRow(o, LvbSource.AO, 2015 + rng.Next(7)));
        }

        if (rng.Next(20) == 0)
        {
            sink.Add(new LvbRow(c, LvbSource.CIZ, 2017 + rng.Next(5)));
        }

        rows += 9;
    }

    sink.Complete();
    Console.WriteLine($"wrote {3L * matches} persons and about {rows} other rows");
}

static void Read(string folder)
{
    var f = RegisterReader.Open(folder);
    long n = 0, checksum = 0;
    foreach (var p in f.Persons())
    {
        n++;
        checksum += p.BirthYear + (p.FirstTraffickingYear ?? 0);
    }

    foreach (var r in f.Cases())
    {
        n++;
        checksum += r.Year + r.Cases;
    }

    foreach (var r in f.Exposure())
    {
        n++;
        checksum += (long)(r.AtRisk * 4);
    }

    foreach (var r in f.Lvb())
    {
        n++;
        checksum += r.Year;
    }

    foreach (var r in f.Victimisations())
    {
        n++;
        checksum += r.Year + (int)r.Category;
    }

    foreach (var r in f.Truth())
    {
        n++;
        checksum += (int)r.Profile;
    }

    Console.WriteLine($"read {n} rows, checksum {checksum} (equal for the CSV and Parquet copies of one register)");
}

static void Index(int persons)
{
    var ids = Enumerable.Range(0, persons).Select(i => "P" + i.ToString("D8", CultureInfo.InvariantCulture)).ToArray();
    var before = GC.GetTotalMemory(true);
    var index = new PersonIndex();
    for (var i = 0; i < persons; i++)
    {
        index.Add(new PersonRow(ids[i], (Cohort)(i % 3), "M" + (i / 3).ToString("D7", CultureInfo.InvariantCulture), Sex.M, 1990, i % 3 == 0 ? 2010 : null), out _);
    }

    var indexBytes = GC.GetTotalMemory(true) - before;
    GC.KeepAlive(index);
    index = null;
    before = GC.GetTotalMemory(true);

    // The obvious alternative: fresh id strings (as a reader makes them) in dictionaries, same per-person fields.
    var byId = new Dictionary<string, (Cohort, Sex, short, short, int)>();
    var matches = new Dictionary<string, int>();
    for (var i = 0; i < persons; i++)
    {
        var match = "M" + (i / 3).ToString("D7", CultureInfo.InvariantCulture);
        matches.TryAdd(match, matches.Count);
        byId.Add(new string(ids[i].AsSpan()), ((Cohort)(i % 3), Sex.M, 1990, 0, matches[match]));
    }

    var dictionaryBytes = GC.GetTotalMemory(true) - before;
    GC.KeepAlive(byId);
    Console.WriteLine($"{persons} persons: PersonIndex {indexBytes / 1e6:F1} MB, dictionaries {dictionaryBytes / 1e6:F1} MB");
}
