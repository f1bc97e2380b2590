using System.Globalization;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

// `dotnet DefenderApi.WireMockPeer.dll PORT`: a WireMock.Net server on 127.0.0.1:PORT with one mapping,
// GET /_emulator/health → 200, polled by bench/startup.sh exactly as it polls the emulator. Runs until killed.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5405;
using var server = WireMockServer.Start(port);
server.Given(Request.Create().WithPath("/_emulator/health").UsingGet())
      .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"status":"ready"}"""));
await Task.Delay(Timeout.Infinite);
