using Trajectories.Core.Panels;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;
using Trajectories.Registers.Tests.Io;

namespace Trajectories.Registers.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing of registers and panels (issue 13): thousands of corrupted inputs, each read the way the
/// CLI reads it, must keep the <see cref="Invariants"/>. Fixed seeds make every run the same; a failure names the
/// seed and the mutations, so it can be replayed alone.
/// </summary>
public class InputFuzzTests : IDisposable
{
    private const string Wide = "id,8,9,10\na,0,1,2\nb,3,,1\nc,-1,0,4\n";
    private const string WideExposure = "id,8,9,10\na,1,0.5,1\nb,1,1,0.25\nc,1,1,1\n";
    private const string Long = "person_id,time,count,exposure\na,8,0,1\na,9,1,0.5\nb,8,3,1\nb,10,2,0.25\n";

    private readonly SampleRegister _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void CorruptedCsvRegisters() => Run(1000, seed => Register(seed, RegisterFormat.Csv));

    [Fact]
    public void CorruptedParquetRegisters() => Run(200, seed => Register(seed, RegisterFormat.Parquet));

    [Fact]
    public void CorruptedWidePanels() => Run(800, seed => Panel(seed, ("w.csv", Wide), ("r.csv", WideExposure)));

    [Fact]
    public void CorruptedLongPanels() => Run(800, seed => Panel(seed, ("l.csv", Long)));

    [Fact]
    public void CorruptedLongParquetPanels()
    {
        var template = File.ReadAllBytes(ParquetFiles.Fixture("long-panel.parquet"));
        Run(200, seed =>
        {
            var folder = Fresh(seed);
            var random = new Random(seed);
            var path = Path.Combine(folder, "l.parquet");
            File.WriteAllBytes(path, Mutator.Apply(template, random, out var what, binary: true));
            return (what, Invariants.Check(folder, () => [PanelInput.Load(path).Panel]));
        });
    }

    [Fact]
    public void TheUncorruptedInputsAreRead()
    {
        // Without this the suite would pass on templates that every reader rejects.
        var folder = Fresh(-1);
        var wide = Path.Combine(folder, "w.csv");
        var risk = Path.Combine(folder, "r.csv");
        var longPath = Path.Combine(folder, "l.csv");
        File.WriteAllText(wide, Wide);
        File.WriteAllText(risk, WideExposure);
        File.WriteAllText(longPath, Long);
        Assert.Equal(3, PanelInput.Load(wide, risk).Panel.PersonCount);
        Assert.Equal(2, PanelInput.Load(longPath).Panel.PersonCount);
        foreach (var format in new[] { RegisterFormat.Csv, RegisterFormat.Parquet })
        {
            Assert.Equal(2, ReadRegister(_scratch.Write(format, "ok-" + format)).First().PersonCount);
        }
    }

    private static void Run(int cases, Func<int, (string What, string? Broken)> fuzz)
    {
        var failures = new List<string>();
        for (var seed = 0; seed < cases && failures.Count < 5; seed++)
        {
            var (what, broken) = fuzz(seed);
            if (broken is not null)
            {
                failures.Add($"seed {seed} ({what}): {broken}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private (string What, string? Broken) Register(int seed, RegisterFormat format)
    {
        var template = Templates(format);
        var folder = Restore(format, template);

        var random = new Random(seed);
        var done = new List<string>();
        var names = template.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var n = 1 + random.Next(3); n > 0; n--)
        {
            var name = names[random.Next(names.Length)];
            var path = Path.Combine(folder, name);
            if (random.Next(20) == 0)
            {
                _dirty.Add(name);
                File.Delete(path);
                done.Add($"{name} deleted");
                continue;
            }

            if (!File.Exists(path))
            {
                continue;
            }

            _dirty.Add(name);
            var binary = format == RegisterFormat.Parquet && name.EndsWith(".parquet", StringComparison.Ordinal);
            File.WriteAllBytes(path, Mutator.Apply(File.ReadAllBytes(path), random, out var what, binary));
            done.Add($"{name} {what}");
        }

        return (string.Join("; ", done), Invariants.Check(folder, () => ReadRegister(folder)));
    }

    /// <summary>
    /// The register's offender panel, built every way the CLI builds it (streamed, loaded as rows, loaded as columns by
    /// the concurrent one-pass loader); the concurrent loader must fail exactly where and as the sequential check does.
    /// </summary>
    private static IEnumerable<CountPanel> ReadRegister(string folder)
    {
        InputException? sequential = null, concurrent = null;
        Trajectories.Registers.Columns.ColumnarRegister? columns = null;
        try
        {
            RegisterReader.ValidateRegister(folder);
        }
        catch (InputException e)
        {
            sequential = e;
        }

        try
        {
            columns = RegisterReader.LoadColumns(folder, threads: 3);
        }
        catch (InputException e)
        {
            concurrent = e;
        }

        if (sequential?.Message != concurrent?.Message)
        {
            throw new InvalidOperationException($"the concurrent loader disagrees with the sequential check: '{concurrent?.Message}' against '{sequential?.Message}'");
        }

        if (sequential is not null)
        {
            throw sequential;
        }

        var register = RegisterReader.Open(folder);
        var streamed = RegisterPanel.Build(
            register.Metadata,
            register.Persons(),
            register.Cases(),
            register.Has(RegisterTable.Exposure) ? register.Exposure() : null);
        return [streamed.Panel, RegisterPanel.Build(RegisterReader.Load(folder)).Panel, RegisterPanel.Build(columns!).Panel];
    }

    private (string What, string? Broken) Panel(int seed, params (string Name, string Text)[] files)
    {
        var folder = Fresh(seed);
        var random = new Random(seed);
        var paths = files.Select(f => Path.Combine(folder, f.Name)).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            File.WriteAllText(paths[i], files[i].Text);
        }

        var target = random.Next(files.Length);
        var bytes = File.ReadAllBytes(paths[target]);
        for (var n = random.Next(2); n >= 0; n--)
        {
            bytes = Mutator.Apply(bytes, random, out var what);
            files[target].Name += " " + what;
        }

        File.WriteAllBytes(paths[target], bytes);
        var exposure = paths.Length > 1 ? paths[1] : null;
        return (files[target].Name, Invariants.Check(folder, () => [PanelInput.Load(paths[0], exposure).Panel]));
    }

    /// <summary>
    /// The register folder of the last case with the files it changed put back: rewriting only those keeps the
    /// suite's time in the reading, not in the disk.
    /// </summary>
    private string Restore(RegisterFormat format, Dictionary<string, byte[]> template)
    {
        var folder = Path.Combine(_scratch.Root, "register-" + format);
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            _dirty.UnionWith(template.Keys);
        }

        foreach (var name in _dirty)
        {
            File.WriteAllBytes(Path.Combine(folder, name), template[name]);
        }

        _dirty.Clear();
        return folder;
    }

    private readonly HashSet<string> _dirty = [];

    private Dictionary<string, byte[]> Templates(RegisterFormat format) =>
        _templates.TryGetValue(format, out var t) ? t : _templates[format] = Snapshot(_scratch.Write(format, "template-" + format));

    private readonly Dictionary<RegisterFormat, Dictionary<string, byte[]>> _templates = [];

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes);

    /// <summary>An empty folder for one case; one folder is reused so that a run leaves no thousands of folders.</summary>
    private string Fresh(int seed)
    {
        var folder = Path.Combine(_scratch.Root, seed < 0 ? "plain" : "case");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
