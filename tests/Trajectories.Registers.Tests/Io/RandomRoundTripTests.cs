using System.Text;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Io;

/// <summary>
/// Round trips of random rows (awkward text, arbitrary doubles in (0, 1]) through both writers and the streaming
/// readers, which check cells but not cross-table rules, so the rows need not form a valid register.
/// </summary>
public class RandomRoundTripTests
{
    private const string Alphabet = "abcXYZ019 ,\"\n\r\té€😀'";

    private static string Text(Random rng)
    {
        var b = new StringBuilder();
        var n = 1 + rng.Next(8);
        while (b.Length < n)
        {
            // Walk by text element so the emoji's surrogate pair is never split.
            var i = rng.Next(Alphabet.Length);
            b.Append(char.IsHighSurrogate(Alphabet[i]) ? Alphabet.Substring(i, 2) : char.IsLowSurrogate(Alphabet[i]) ? "x" : Alphabet[i].ToString());
        }

        return b.ToString();
    }

    private static InMemoryRegister Random(int seed)
    {
        var rng = new Random(seed);
        var r = new InMemoryRegister();
        r.WriteMetadata(new RegisterMetadata { Name = Text(rng), Description = Text(rng) });
        for (var i = 0; i < 200; i++)
        {
            var id = Text(rng);
            r.Add(new PersonRow(id, (Cohort)rng.Next(3), Text(rng), (Sex)rng.Next(2), rng.Next(1900, 2010), rng.Next(2) == 0 ? null : rng.Next(2008, 2018)));
            r.Add(new CaseRow(id, rng.Next(2001, 2022), rng.Next(1, 1000)));

            // 1 - NextDouble() lies in (0, 1]: random mantissas test the text round trip of doubles.
            r.Add(new ExposureRow(id, rng.Next(2001, 2022), 1 - rng.NextDouble()));
            r.Add(new LvbRow(id, (LvbSource)rng.Next(3), rng.Next(2015, 2022)));
            r.Add(new VictimisationRow(id, rng.Next(2010, 2024), (VictimCategory)rng.Next(7)));
            r.Add(new TruthRow(id, (Profile)rng.Next(4)));
        }

        return r;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomRowsSurviveCsvAndParquetIdentically(int seed)
    {
        using var s = new SampleRegister();
        var expected = Random(seed);
        foreach (var format in Enum.GetValues<RegisterFormat>())
        {
            var path = Path.Combine(s.Root, format.ToString());
            RegisterWriter.Write(expected, path, format);
            var folder = RegisterReader.Open(path);
            Assert.Equal(expected.Metadata, folder.Metadata with { LvbYears = expected.Metadata!.LvbYears });
            Assert.Equal(expected.Persons, folder.Persons());
            Assert.Equal(expected.Cases, folder.Cases());
            Assert.Equal(expected.Exposure, folder.Exposure());
            Assert.Equal(expected.Lvb, folder.Lvb());
            Assert.Equal(expected.Victimisations, folder.Victimisations());
            Assert.Equal(expected.Truth, folder.Truth());
        }
    }
}
