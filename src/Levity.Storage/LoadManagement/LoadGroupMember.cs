namespace Levity.Storage.LoadManagement;

/// <summary>A charger in a load group: all its connectors (<see cref="ConnectorId"/> 0) or one.</summary>
public sealed record LoadGroupMember(string ChargePointId, int ConnectorId = 0)
{
    /// <summary>"CP1" or "CP1:2", as the CLI takes and shows them.</summary>
    public override string ToString() => ConnectorId == 0 ? ChargePointId : $"{ChargePointId}:{ConnectorId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Reads "CP1" or "CP1:2"; null when the connector part is not a positive number.</summary>
    public static LoadGroupMember? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return text.Length == 0 ? null : new LoadGroupMember(text);
        }

        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var connector) && connector > 0
            ? new LoadGroupMember(text[..colon], connector)
            : null;
    }
}
