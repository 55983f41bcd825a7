using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>
/// The frame of a chart with one labelled row per population (figures A1 and A2): labels on the left and notes on the
/// right, each as wide as its longest text, the plot between them, and an x axis with ticks and a label underneath.
/// </summary>
internal sealed class RowFrame
{
    private const double Top = 16, RowHeight = 28, Bottom = 48, LabelSize = 12, NoteSize = 11;

    public RowFrame(string title, IReadOnlyList<string> labels, IReadOnlyList<string> notes)
    {
        Left = 16 + labels.Select(l => TextMetrics.Width(l, LabelSize)).DefaultIfEmpty(60).Max() + 10;
        Right = FigureLayout.Width - (16 + notes.Select(n => TextMetrics.Width(n, NoteSize)).DefaultIfEmpty(60).Max() + 10);
        Base = Top + (labels.Count * RowHeight);
        Svg = new SvgCanvas(FigureLayout.Width, Base + Bottom, title);
        for (var i = 0; i < labels.Count; i++)
        {
            Svg.Text(Left - 10, Centre(i) + 4, labels[i], LabelSize, "end");
            Svg.Text(Right + 10, Centre(i) + 4, notes[i], NoteSize, fill: "#444");
        }
    }

    /// <summary>The canvas.</summary>
    public SvgCanvas Svg { get; }

    /// <summary>Pixel where the plot starts (right of the labels).</summary>
    public double Left { get; }

    /// <summary>Pixel where the plot ends (left of the notes).</summary>
    public double Right { get; }

    /// <summary>Pixel of the x axis (below the last row).</summary>
    public double Base { get; }

    /// <summary>Pixel of the top of the plot.</summary>
    public static double PlotTop => Top;

    /// <summary>Vertical centre of row i.</summary>
    public static double Centre(int i) => Top + (i * RowHeight) + (RowHeight / 2);

    /// <summary>Grid lines, tick labels, the axis line and its label for <paramref name="x"/> (mapped onto Left…Right).</summary>
    public void DrawAxis(Axis x, IReadOnlyList<double> ticks, string xLabel)
    {
        foreach (var t in ticks)
        {
            Svg.Line(x.Map(t), Top, x.Map(t), Base, "#e5e5e5");
            Svg.Text(x.Map(t), Base + 16, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "middle");
        }

        Svg.Line(Left, Base, Right, Base, "#333");
        Svg.Text((Left + Right) / 2, Base + 36, xLabel, 12, "middle");
    }
}
