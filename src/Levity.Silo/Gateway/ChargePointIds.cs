namespace Levity.Silo.Gateway;

/// <summary>Which charge point ids the gateway accepts in /ws/{chargePointId}.</summary>
public static class ChargePointIds
{
    /// <summary>
    /// 1 to <paramref name="maxLength"/> characters, none of them control characters or white
    /// space: the id becomes a database key, a metric label and a log field.
    /// </summary>
    public static bool IsValid(string? id, int maxLength)
    {
        if (string.IsNullOrEmpty(id) || id.Length > maxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
