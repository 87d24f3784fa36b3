using Levity.Silo.Configuration;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Levity.Silo.Api;

/// <summary>
/// The operator API's OpenAPI document (GET /api/openapi.json on the API port): the /api routes
/// and /healthz, nothing of the OCPP or metrics listeners, and the bearer-token scheme, required
/// on every route when --api-token is set.
/// </summary>
internal static class ApiDocument
{
    public const string Path = OperatorApi.Prefix + "/openapi.json";

    private const string SchemeName = "bearer";

    public static void Configure(OpenApiOptions document, LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var tokenRequired = !string.IsNullOrEmpty(options.ApiToken);
        document.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Levity operator API";
            doc.Info.Description = "Chargers, transactions, id tags, reports and OCPP calls of one Levity server. "
                + "Errors are RFC 9457 problem documents (application/problem+json).";
            foreach (var path in doc.Paths.Keys.Where(p => !p.StartsWith(OperatorApi.Prefix + "/", StringComparison.Ordinal) && p != "/healthz").ToList())
            {
                // /metrics and /readyz answer on the metrics port only, /ws/{id} on the OCPP port.
                doc.Paths.Remove(path);
            }

            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = tokenRequired
                    ? "The server's --api-token (LEVITY_API_TOKEN), as 'Authorization: Bearer TOKEN'; a missing or wrong token is answered 401."
                    : "Not required by this server (no --api-token set); a server with --api-token requires it on every route.",
            };
            if (tokenRequired)
            {
                // Per operation, not document-wide: /healthz answers without a token.
                foreach (var (path, item) in doc.Paths)
                {
                    if (path == "/healthz" || item.Operations is null)
                    {
                        continue;
                    }

                    foreach (var operation in item.Operations.Values)
                    {
                        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, doc)] = [] }];
                        operation.Responses ??= [];
                        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No bearer token, or not the server's." });
                    }
                }
            }

            return Task.CompletedTask;
        });
    }
}
