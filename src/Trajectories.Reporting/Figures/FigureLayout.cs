namespace Trajectories.Reporting.Figures;

/// <summary>
/// The size every figure is drawn at. 680 px is about the text width of an A4 page (170 mm = 643 CSS px) and of the
/// report's column, so text drawn at 11–12 px stays at 10 px or more when a paper or the report scales the figure
/// to its width (checked in a browser by <c>scripts/check-figures.py</c>).
/// </summary>
public static class FigureLayout
{
    /// <summary>Width of every figure in pixels.</summary>
    public const double Width = 680;

    /// <summary>Smallest font size a figure uses (tick labels, notes).</summary>
    public const double SmallFont = 11;
}
