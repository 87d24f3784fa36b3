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
    [InlineData("dotnet_assembly_count", "dotnet_assemblies")]
    [InlineData("dotnet_process_cpu_count", "dotnet_process_cpus")]
    [InlineData("dotnet_thread_pool_thread_count", "dotnet_thread_pool_threads")]
    [InlineData("levity_day_count", "levity_days")]
    [InlineData("levity_box_count", "levity_boxes")]
    [InlineData("levity_batch_count", "levity_batches")]
    [InlineData("ocpp_cp_connected", "ocpp_cp_connected")]
    [InlineData("levity_count", "levity_count")]
    [InlineData("_count", "_count")]
    [InlineData("levity_2_count", "levity_2_count")]
    public void GaugeName_Various_NoReservedCountSuffix(string name, string expected) =>
        Assert.Equal(expected, MetricFamily.GaugeName(name));

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
