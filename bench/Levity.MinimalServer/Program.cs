using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Levity.MinimalServer;

// The floor for Levity's idle-memory figure: the least an ASP.NET Core process can be while it
// holds charger WebSockets. It accepts /ws/{id} with ocpp1.6 and answers every CALL with a fixed
// CALLRESULT; no OCPP, no SQLite, no metrics. With --orleans it also co-hosts a single Orleans
// silo (localhost clustering, as Levity runs) and passes each frame through one grain per charger:
// the floor of Levity's architecture without any Levity code. Measured with the load tool's idle scenario:
//   dotnet run -c Release --project bench/Levity.MinimalServer -- --urls http://127.0.0.1:9310 [--orleans]
//   dotnet run -c Release --project bench/Levity.Load -- --url ws://127.0.0.1:9310/ws/ --chargers 20 --scenario idle --server-pid <pid>
var orleans = args.Contains("--orleans");
var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != "--orleans").ToArray());
if (orleans)
{
    builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0));
}

var app = builder.Build();
app.UseWebSockets();
app.Map("/ws/{id}", async (HttpContext context, string id) =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    var grain = orleans ? context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IEchoGrain>(id) : null;
    using var socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
    var buffer = new byte[4096];
    while (true)
    {
        var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return;
        }

        // [2,"<id>",...] -> [3,"<id>",{...}]: enough for every call the load tool makes.
        var frame = buffer.AsSpan(0, received.Count);
        var idStart = frame.IndexOf((byte)'"') + 1;
        var idLength = frame[idStart..].IndexOf((byte)'"');
        var messageId = frame.Slice(idStart, idLength).ToArray();
        if (grain is not null)
        {
            messageId = await grain.Echo(messageId);
        }

        var answer = new List<byte>(160);
        answer.AddRange("[3,\""u8.ToArray());
        answer.AddRange(messageId);
        answer.AddRange("\",{\"status\":\"Accepted\",\"currentTime\":\"2026-01-01T00:00:00Z\",\"interval\":60,\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1}]"u8.ToArray());
        await socket.SendAsync(answer.ToArray(), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
    }
});
app.Run();

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
