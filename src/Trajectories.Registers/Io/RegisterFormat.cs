namespace Trajectories.Registers.Io;

/// <summary>File format of a register table.</summary>
public enum RegisterFormat
{
    /// <summary>UTF-8 CSV with a header row (<c>NAME.csv</c>).</summary>
    Csv,

    /// <summary>Apache Parquet (<c>NAME.parquet</c>), read and written with Parquet.Net.</summary>
    Parquet,
}

/// <summary>Extensions and parsing of <see cref="RegisterFormat"/>.</summary>
public static class RegisterFormats
{
    /// <summary>The file extension with its dot, e.g. <c>.parquet</c>.</summary>
    public static string Extension(RegisterFormat format) => format == RegisterFormat.Csv ? ".csv" : ".parquet";

    /// <summary>Parses <c>csv</c> or <c>parquet</c> (case-insensitive, as typed on a command line); false otherwise.</summary>
    public static bool TryParse(string text, out RegisterFormat format)
    {
        if (string.Equals(text, "csv", StringComparison.OrdinalIgnoreCase))
        {
            format = RegisterFormat.Csv;
            return true;
        }

        format = RegisterFormat.Parquet;
        return string.Equals(text, "parquet", StringComparison.OrdinalIgnoreCase);
    }
}
