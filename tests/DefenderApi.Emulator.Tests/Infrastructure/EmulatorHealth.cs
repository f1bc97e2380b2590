namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Waits for an emulator to answer its health check, in process or over a socket.</summary>
internal static class EmulatorHealth
{
    // Real time on purpose: start-up (schema, seed) runs on the real clock even when the API's clock is virtual.
    public static async Task WaitUntilReadyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var health = await client.GetAsync("/_emulator/health");
            if (health.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The emulator did not become ready within 30 seconds.");
    }
}
