using Trajectories.Core.Basis;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Panels;

public class PatternPanelTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void PatternsExpandBackToEveryPerson(int seed, bool exposure)
    {
        var panel = Models.Messy(3000, seed, exposure);
        var patterns = PatternPanel.Compress(panel);
        Assert.Equal(panel.PersonCount, patterns.Weights.Sum());
        Assert.Equal(panel.PersonIds, patterns.PersonIds);
        for (var i = 0; i < panel.PersonCount; i++)
        {
            var person = panel.Series(i);
            var pattern = patterns.Patterns.Series(patterns.PersonPattern[i]);
            Assert.True(person.TimeIndex.SequenceEqual(pattern.TimeIndex));
            Assert.True(person.Values.SequenceEqual(pattern.Values));
            Assert.True(person.Exposure.SequenceEqual(pattern.Exposure));
        }

        // Distinct patterns really are distinct: compressing the patterns again changes nothing.
        Assert.Equal(patterns.PatternCount, PatternPanel.Compress(patterns.Patterns).PatternCount);
    }

    [Fact]
    public void TimeScaleMapsTheGridOntoMinusOneToOne()
    {
        var scale = TimeScale.FromGrid([8.0, 20.0, 38.0]);
        Assert.Equal(23.0, scale.Center);
        Assert.Equal(15.0, scale.Scale);
        Assert.Equal(-1.0, scale.Apply(8));
        Assert.Equal(1.0, scale.Apply(38));
        Assert.Equal(1.0, TimeScale.FromGrid([5.0]).Scale);
        var x = PolynomialBasis.Design([8.0, 38.0], scale, 3);
        Assert.Equal([1.0, -1.0, 1.0, -1.0, 1.0, 1.0, 1.0, 1.0], x);
    }
}
