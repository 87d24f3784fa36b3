using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Calls;
using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// POST /api/chargepoints/{id}/calls/{action}: the raw OCPP request payload goes to the charger
/// through its grain (plugin pipeline, metrics, audit) after a schema check, and nothing else of
/// ours; the charger's answer comes back verbatim.
/// </summary>
internal static class ChargePointCallEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/chargepoints/{id}/calls/{action}", HandleAsync)
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            // The charger's CALLRESULT payload, or {"callError": {...}} when it answered a CALLERROR.
            .Produces<System.Text.Json.Nodes.JsonObject>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .WithSummary("Sends the OCPP request payload in the body to the charger and returns its answer: the CALLRESULT payload, or {\"callError\": {code, description, details}}.");

    private static System.Text.Json.Nodes.JsonNode? ParseDetails(string details)
    {
        try
        {
            return string.IsNullOrWhiteSpace(details) ? new System.Text.Json.Nodes.JsonObject() : System.Text.Json.Nodes.JsonNode.Parse(details);
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Json.Nodes.JsonValue.Create(details);
        }
    }

    private static async Task<IResult> HandleAsync(string id, string action, HttpRequest request, IGrainFactory grains, IStoreReader store, CancellationToken cancellationToken)
    {
        if (!OcppActions.TryGet(action, out var info) || !info.CanBeSentBy(OcppRole.CentralSystem))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{action}' is not an OCPP 1.6 action the central system sends.");
        }

        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        if (await store.LoadChargePointAsync(id, cancellationToken) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown charger '{id}'.");
        }

        try
        {
            var answer = await grains.GetGrain<IChargePointGrain>(id).CallChargerRaw(info.Name, payload);
            return Results.Content(answer, "application/json");
        }
        catch (OcppInvalidPayloadException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The payload does not match the OCPP 1.6 schema.", detail: e.Message);
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The payload is not valid JSON.", detail: e.Message);
        }
        catch (OcppConnectionClosedException e) when (e.WasSent)
        {
            // Delivered, then the socket went (a Hard Reset does exactly this): the charger may
            // have acted on it, so this must not read as "never sent".
            return Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: $"The call was sent to charger '{id}' and the connection closed before it answered; the charger may have acted on it.",
                detail: e.Message);
        }
        catch (Exception e) when (e is ChargerNotConnectedException or OcppConnectionClosedException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Charger '{id}' is not connected; the call was not sent.", detail: e.Message);
        }
        catch (OcppCallTimeoutException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: $"Charger '{id}' did not answer in time.", detail: e.Message);
        }
        catch (OcppCallQueueFullException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"Too many calls are waiting for charger '{id}'.", detail: e.Message);
        }
        catch (OcppCallErrorException e)
        {
            return Results.Json(new CallErrorAnswer(new CallErrorBody(e.ErrorCodeText, e.ErrorDescription, ParseDetails(e.ErrorDetails))));
        }
    }
}

/// <summary>The 200 answer for a CALLERROR: <c>{ "callError": { code, description, details } }</c>.</summary>
internal sealed record CallErrorAnswer(CallErrorBody CallError);

internal sealed record CallErrorBody(string Code, string Description, System.Text.Json.Nodes.JsonNode? Details);
