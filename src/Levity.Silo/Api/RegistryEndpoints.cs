using System.Globalization;
using System.Text;
using Levity.Silo.Gateway;
using Levity.Silo.Security;
using Levity.Storage.Registry;
using Microsoft.Extensions.Options;

namespace Levity.Silo.Api;

/// <summary>
/// /api/registry: the chargers allowed to connect, with their security profile and password
/// (<c>levity cp add|set-password|remove|list</c>), and /api/security-events: what chargers
/// reported with SecurityEventNotification and SignCertificate. Passwords are hashed before they
/// are stored and never come back, except a generated one, once, in the answer that made it.
/// </summary>
internal static class RegistryEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/registry", ListAsync)
            .Produces<RegistrationView[]>()
            .WithSummary("Every registered charger: security profile, enabled, whether it has a password, how it was registered.");
        api.MapGet("/registry/{id}", GetAsync)
            .Produces<RegistrationView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One charger's registration.");
        api.MapPut("/registry/{id}", PutAsync)
            .Accepts<object>("application/json")
            .Produces<RegistrationView>()
            .Produces<RegistrationView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Registers (201) or updates (200) a charger: securityProfile (0-3), password or passwordHex (16-40 bytes; generated for profile 1 and 2 when none is stored), enabled, serialUsername.");
        api.MapPost("/registry/{id}/password", PasswordChangeEndpoint.HandleAsync)
            .Accepts<object>("application/json")
            .Produces<PasswordChangeAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithSummary("Changes a charger's password (password or passwordHex; generated when none is given). A connected charger is sent ChangeConfiguration AuthorizationKey first; the stored hash changes only once it accepts.");
        api.MapDelete("/registry/{id}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a charger's registration (its history stays).");
        api.MapGet("/security-events", SecurityEventsAsync)
            .Produces<SecurityRecord[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("SecurityEventNotification and SignCertificate messages, newest first (?chargePointId=, ?limit= 1-1000, default 100).");
    }

    private static async Task<IResult> ListAsync(IChargerRegistry registry, CancellationToken cancellationToken) =>
        Results.Ok((await registry.ListRegistrationsAsync(cancellationToken)).Select(RegistrationView.From).ToList());

    private static async Task<IResult> GetAsync(string id, IChargerRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindRegistrationAsync(id, cancellationToken) is { } r ? Results.Ok(RegistrationView.From(r)) : Unknown(id);

    private static async Task<IResult> PutAsync(string id, HttpRequest request, IChargerRegistry registry, IOptions<GatewayOptions> gateway, CancellationToken cancellationToken)
    {
        if (!ChargePointIds.IsValid(id, gateway.Value.MaxChargePointIdLength))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid charge point id (no spaces or control characters).", detail: id);
        }

        using var reader = new StreamReader(request.Body);
        var (body, error) = RegistrationBody.Parse(await reader.ReadToEndAsync(cancellationToken));
        if (error is not null)
        {
            return error;
        }

        var existing = await registry.FindRegistrationAsync(id, cancellationToken);
        var profile = body!.SecurityProfile ?? existing?.SecurityProfile ?? 0;
        var password = body.Password;
        string? generated = null;
        if (password is null && profile is 1 or 2 && existing?.PasswordHash is null)
        {
            generated = ChargerPassword.Generate();
            password = Encoding.UTF8.GetBytes(generated);
        }

        var registration = new ChargerRegistration(
            id,
            profile,
            password is null ? existing?.PasswordHash : ChargerPassword.Hash(password),
            body.Enabled ?? existing?.Enabled ?? true,
            body.HasSerialUsername ? body.SerialUsername : existing?.SerialUsername,
            ChargerRegistration.ByOperator);
        var created = await registry.PutRegistrationAsync(registration, cancellationToken);
        var stored = await registry.FindRegistrationAsync(id, cancellationToken) ?? registration;
        var view = RegistrationView.From(stored) with
        {
            Password = generated,
            AuthorizationKey = password is null ? null : ChargerPassword.ToAuthorizationKey(password),
        };
        return created ? Results.Created($"{OperatorApi.Prefix}/registry/{Uri.EscapeDataString(id)}", view) : Results.Ok(view);
    }

    private static async Task<IResult> DeleteAsync(string id, IChargerRegistry registry, CancellationToken cancellationToken) =>
        await registry.RemoveRegistrationAsync(id, cancellationToken) ? Results.NoContent() : Unknown(id);

    private static async Task<IResult> SecurityEventsAsync(string? chargePointId, string? limit, IChargerRegistry registry, CancellationToken cancellationToken)
    {
        var rows = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows is < 1 or > MaxLimit))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'limit' must be a whole number from 1 to {MaxLimit}.", detail: $"limit={limit}");
        }

        return Results.Ok(await registry.ListSecurityEventsAsync(chargePointId, rows, cancellationToken));
    }

    public static IResult Unknown(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Charger '{id}' is not registered.");
}
