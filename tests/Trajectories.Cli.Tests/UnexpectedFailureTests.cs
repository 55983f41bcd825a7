namespace Trajectories.Cli.Tests;

/// <summary>A defect (an exception no verb maps to an exit code) reaches the user as one line and a log file.</summary>
public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void OneLineNamesTheTypeAndTheLogWhichHoldsTheStackTrace()
    {
        var failure = Thrown(new InvalidOperationException("the cache is\nin a bad state"));
        var error = new StringWriter();

        var code = UnexpectedFailure.Report(new CliContext(TextWriter.Null, error, false), "fit", failure, _tmp.Path);

        Assert.Equal(70, code);
        var log = Assert.Single(Directory.GetFiles(_tmp.Path));
        Assert.Matches(@"^trajectories-fit-\d{8}T\d{6}Z-\d+\.log$", Path.GetFileName(log));
        Assert.Equal($"error: unexpected failure (InvalidOperationException): the cache is in a bad state; details in {log}", error.ToString().TrimEnd());
        var details = File.ReadAllText(log);
        Assert.Contains("the cache is\nin a bad state", details);
        Assert.Contains("   at ", details);
    }

    [Fact]
    public void ALongMessageIsCutOnTheConsoleOnly()
    {
        var message = new string('x', 5000);
        var error = new StringWriter();

        UnexpectedFailure.Report(new CliContext(TextWriter.Null, error, false), "analyze", new InvalidDataException(message), _tmp.Path);

        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.DoesNotContain(message, error.ToString());
        Assert.Contains(message, File.ReadAllText(Assert.Single(Directory.GetFiles(_tmp.Path))));
    }

    [Fact]
    public void ALogThatCannotBeWrittenStillGivesTheOneLine()
    {
        var error = new StringWriter();

        var code = UnexpectedFailure.Report(new CliContext(TextWriter.Null, error, false), "select", new InvalidOperationException("boom"), _tmp.Sub("missing"));

        Assert.Equal(70, code);
        Assert.Equal("error: unexpected failure (InvalidOperationException): boom; no log could be written", error.ToString().TrimEnd());
    }

    private static Exception Thrown(Exception e)
    {
        try
        {
            throw e;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
