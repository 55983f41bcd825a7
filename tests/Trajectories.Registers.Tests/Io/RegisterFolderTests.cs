using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Io;

public class RegisterFolderTests
{
    [Fact]
    public void ATablePresentAsCsvAndParquetIsAnError()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        File.WriteAllText(Path.Combine(folder, "cases.csv"), "person_id,year,cases\n");
        var e = SampleRegister.AssertAt(() => RegisterReader.Open(folder), "cases.parquet", null, null);
        Assert.Contains("present twice", e.Message);
    }

    [Fact]
    public void AMissingRequiredTableIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        File.Delete(Path.Combine(folder, "lvb.csv"));
        var e = SampleRegister.AssertAt(() => RegisterReader.Open(folder), "lvb.csv", null, null);
        Assert.Contains("'lvb' is missing", e.Message);
    }

    [Fact]
    public void AMissingRegisterJsonIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        File.Delete(Path.Combine(folder, "register.json"));
        SampleRegister.AssertAt(() => RegisterReader.Open(folder), "register.json", null, null);
    }

    [Fact]
    public void TablesMayMixFormats()
    {
        using var s = new SampleRegister();
        var csv = s.Write(RegisterFormat.Csv, "csv");
        var parquet = s.Write(RegisterFormat.Parquet, "pq");
        File.Delete(Path.Combine(csv, "cases.csv"));
        File.Copy(Path.Combine(parquet, "cases.parquet"), Path.Combine(csv, "cases.parquet"));
        Assert.Equal(SampleRegister.Build().Cases, RegisterReader.Load(csv).Cases);
    }
}
