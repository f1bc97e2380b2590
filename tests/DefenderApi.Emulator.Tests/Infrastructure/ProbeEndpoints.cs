using System.Text;
using DefenderApi.Emulator.Binding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// Test-only paths appended after the emulator's own pipeline (so they are reached only when no real endpoint
/// matches): one that throws, one that binds a body strictly. They let tests prove the pipeline's error handling
/// for failures no real endpoint produces on purpose.
/// </summary>
public sealed class ProbeEndpoints : IStartupFilter
{
    public const string ThrowPath = "/api/_probe/throw";
    public const string BindPath = "/api/_probe/bind";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path == ThrowPath)
            {
                throw new InvalidOperationException("secret internal detail that must not leak");
            }

            if (context.Request.Path == BindPath)
            {
                var body = await JsonBody<ProbeBody>.BindAsync(context, null!);
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync($"{body!.Value.Comment}|{body.Value.ScanType}|{body.Value.Count}", Encoding.UTF8);
                return;
            }

            await nextMiddleware(context);
        });
    };
}

public enum ProbeScanType
{
    Quick,
    Full,
}

public sealed record ProbeBody
{
    public required string Comment { get; init; }

    public ProbeScanType? ScanType { get; init; }

    public int? Count { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }
}
