using Microsoft.Extensions.Options;

namespace Levity.Ocpp.Sessions;

/// <summary>Rejects nonsensical <see cref="OcppProtocolOptions"/> when they are first used.</summary>
internal sealed class OcppProtocolOptionsValidator : IValidateOptions<OcppProtocolOptions>
{
    public ValidateOptionsResult Validate(string? name, OcppProtocolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentOutOfRangeException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
