namespace Trajectories.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its exit code and output.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new CliContext(output, error, Interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>Paths to the repository and the shared peer data.</summary>
public static class Paths
{
    public static string Root => Trajectories.Testing.RepositoryPaths.Root;

    public static string Toronto(string file) => Trajectories.Testing.RepositoryPaths.Toronto(file);
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("traj-cli-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Reads a result CSV into rows of named cells (with the project's strict reader).</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new Trajectories.Registers.Io.CsvReader(path);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.Header[i]] = reader[i].ToString();
            }

            rows.Add(row);
        }

        return rows;
    }
}
