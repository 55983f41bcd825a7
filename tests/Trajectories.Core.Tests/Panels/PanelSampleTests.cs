using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Panels;

/// <summary>The seeded sample of a panel's persons behind selection on a sample.</summary>
public class PanelSampleTests
{
    [Fact]
    public void ASampleIsDistinctSortedSeededAndCarriesEachPersonsSeries()
    {
        var panel = Models.Messy(2_000, 31);
        var (sample, persons) = PanelSample.Draw(panel, 500, 7);
        Assert.Equal(500, persons.Length);
        Assert.Equal(persons.Order(), persons);
        Assert.Equal(500, persons.Distinct().Count());
        Assert.Equal(persons, PanelSample.Draw(panel, 500, 7).Persons);
        Assert.NotEqual(persons, PanelSample.Draw(panel, 500, 8).Persons);
        Assert.Equal(panel.Times, sample.Times);
        for (var k = 0; k < persons.Length; k++)
        {
            var a = panel.Series(persons[k]);
            var b = sample.Series(k);
            Assert.Equal(panel.PersonIds[persons[k]], sample.PersonIds[k]);
            Assert.Equal(a.TimeIndex.ToArray(), b.TimeIndex.ToArray());
            Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
            Assert.Equal(a.Exposure.ToArray(), b.Exposure.ToArray());
        }
    }

    [Fact]
    public void EveryPersonIsEquallyLikelyToBeDrawn()
    {
        // 4 000 draws of 10 of 40 persons: each is drawn 1 000 times in expectation (SD ≈ 27); 6 SD bounds.
        var panel = Models.Messy(40, 3);
        var hits = new int[40];
        for (var seed = 0; seed < 4_000; seed++)
        {
            foreach (var p in PanelSample.Draw(panel, 10, seed).Persons)
            {
                hits[p]++;
            }
        }

        Assert.All(hits, h => Assert.InRange(h, 1_000 - 165, 1_000 + 165));
    }

    [Fact]
    public void ASampleAtLeastThePanelIsThePanel()
    {
        var panel = Models.Messy(50, 2);
        var (sample, persons) = PanelSample.Draw(panel, 50, 1);
        Assert.Same(panel, sample);
        Assert.Equal(Enumerable.Range(0, 50), persons);
    }
}
