using System.Text;
using Levity.Silo.Metrics.Exposition;

namespace Levity.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("ocpp_cp_boots_total", "ocpp_cp_boots_total")]
    [InlineData("job:rate5m", "job:rate5m")]
    [InlineData("dotnet.gc.pause.time", "dotnet_gc_pause_time")]
    [InlineData("a-b/c d", "a_b_c_d")]
    [InlineData("1st", "_1st")]
    [InlineData("", "_")]
    public void MetricName_Various_ValidPrometheusName(string name, string expected) =>
        Assert.Equal(expected, PrometheusText.MetricName(name));

    [Theory]
    [InlineData("cp_id", "cp_id")]
    [InlineData("a:b", "a_b")]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    public void LabelName_Various_ValidLabelName(string name, string expected) =>
        Assert.Equal(expected, PrometheusText.LabelName(name));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void AppendValue_Double_CultureFreeAndNamedSpecials(double value, string expected)
    {
        var output = new StringBuilder();
        PrometheusText.AppendValue(output, value);
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void AppendLabelValue_Unicode_PassedThrough()
    {
        var output = new StringBuilder();
        PrometheusText.AppendLabelValue(output, "Garage ⚡ 2\t");
        Assert.Equal("Garage ⚡ 2\t", output.ToString());
    }
}
