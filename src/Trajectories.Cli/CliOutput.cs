using Trajectories.Reporting.Output;

namespace Trajectories.Cli;

/// <summary>The --out folder of the result verbs: its help text and its opening, which says where results go.</summary>
internal static class CliOutput
{
    /// <summary>The publishing rule, as every --out help text states it.</summary>
    public const string Rule =
        "Written all-or-nothing. It may be new, empty, or an earlier result of this tool that you did not change (then it is replaced); "
        + "if you added or changed files in an earlier result, they are kept and the results go to NAME-2 (the first free NAME-n). "
        + "A folder holding other files, or one another run is writing, is refused (exit 2).";

    /// <summary>The help text of an --out option: what goes there, then <see cref="Rule"/>.</summary>
    public static string Help(string what) => $"{what}. {Rule}";

    /// <summary>Claims the folder; prints a note when the results go to a sibling instead.</summary>
    public static OutputFolder Open(CliContext context, string path)
    {
        var folder = OutputFolder.Create(InputFiles.OutputPath("--out", path));
        if (folder.Notice is { } notice)
        {
            context.Error.WriteLine($"note: {notice}");
        }

        return folder;
    }
}
