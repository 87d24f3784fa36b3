namespace Levity.Storage.Reports;

/// <summary>The half-open time range [<see cref="From"/>, <see cref="To"/>) a report covers.</summary>
public readonly record struct ReportWindow(DateTimeOffset From, DateTimeOffset To);
