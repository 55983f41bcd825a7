namespace Trajectories.Reporting.Figures;

/// <summary>Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
public static class Palette
{
    private static readonly string[] Colours =
    [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
    ];

    /// <summary>Colour of series <paramref name="index"/> (cycles).</summary>
    public static string Of(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];
}
