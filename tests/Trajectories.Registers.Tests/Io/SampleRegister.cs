using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Io;

/// <summary>A small valid register built by hand, and a scratch folder to write it into.</summary>
internal sealed class SampleRegister : IDisposable
{
    public SampleRegister()
    {
        Root = Path.Combine(Path.GetTempPath(), "trj-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>A scratch folder, deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>
    /// Two matched triples. persons.csv lines: 2 o1, 3 c1, 4 n1, 5 o2, 6 c2, 7 n2. cases.csv lines: 2–3 o1, 4 c1,
    /// 5 o2, 6 c2.
    /// </summary>
    public static InMemoryRegister Build()
    {
        var r = new InMemoryRegister();
        r.WriteMetadata(new RegisterMetadata { Name = "sample", Description = "hand-made, with \"quotes\"", Synthetic = new SyntheticInfo("test-1", 42, 2) });
        r.Add(new PersonRow("o1", Cohort.Offender, "m1", Sex.M, 1990, 2012));
        r.Add(new PersonRow("c1", Cohort.CriminalControl, "m1", Sex.M, 1990, null));
        r.Add(new PersonRow("n1", Cohort.NoncriminalControl, "m1", Sex.M, 1990, null));
        r.Add(new PersonRow("o2", Cohort.Offender, "m,2", Sex.F, 1995, 2015));
        r.Add(new PersonRow("c2", Cohort.CriminalControl, "m,2", Sex.F, 1995, null));
        r.Add(new PersonRow("n2", Cohort.NoncriminalControl, "m,2", Sex.F, 1995, null));
        r.Add(new CaseRow("o1", 2005, 2));
        r.Add(new CaseRow("o1", 2006, 1));
        r.Add(new CaseRow("c1", 2010, 1));
        r.Add(new CaseRow("o2", 2012, 3));
        r.Add(new CaseRow("c2", 2013, 1));
        r.Add(new ExposureRow("o1", 2006, 0.1));
        r.Add(new ExposureRow("o2", 2012, 1.0 / 3));
        r.Add(new LvbRow("o1", LvbSource.AO, 2016));
        r.Add(new LvbRow("c1", LvbSource.CIZ, 2018));
        r.Add(new VictimisationRow("o1", 2011, VictimCategory.Violence));
        r.Add(new VictimisationRow("n2", 2020, VictimCategory.Traffic));
        r.Add(new TruthRow("o1", Profile.EarlyPeaking));
        r.Add(new TruthRow("o2", Profile.Incidental));
        r.Complete();
        return r;
    }

    /// <summary>Writes the sample into a new sub-folder and returns it.</summary>
    public string Write(RegisterFormat format, string name = "reg")
    {
        var folder = Path.Combine(Root, name);
        RegisterWriter.Write(Build(), folder, format);
        return folder;
    }

    /// <summary>Replaces 1-based line <paramref name="line"/> of a CSV table (line = count + 1 appends).</summary>
    public static void SetLine(string folder, string file, int line, string text)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path).ToList();
        if (line == lines.Count + 1)
        {
            lines.Add(text);
        }
        else
        {
            lines[line - 1] = text;
        }

        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    /// <summary>Asserts the exception names the file, line and column.</summary>
    public static InputException AssertAt(Action act, string file, long? line, string? column)
    {
        var e = Assert.Throws<InputException>(act);
        Assert.Equal(file, Path.GetFileName(e.File));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(file, e.Message);
        return e;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
