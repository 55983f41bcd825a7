namespace Trajectories.Reporting.Figures;

/// <summary>Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
public static class Palette
{
    private static readonly string[] Colours =
    [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
    ];

    /// <summary>
    /// The colour a fraction <paramref name="f"/> of the way from white to <paramref name="rgb"/> (0xRRGGBB): the
    /// sequential shades of the shaded table (A3) and the stacked bars (M2).
    /// </summary>
    public static string Tint(int rgb, double f)
    {
        int Mix(int shift) => (int)Math.Round(255 + ((((rgb >> shift) & 0xFF) - 255) * f));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{Mix(16):X2}{Mix(8):X2}{Mix(0):X2}");
    }

    /// <summary>Colour of series <paramref name="index"/> (cycles).</summary>
    public static string Of(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];
}
