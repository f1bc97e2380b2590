using DefenderApi.Errors;

namespace DefenderApi.Emulator.Faults;

/// <summary>Builds the documented error an injection asks for.</summary>
internal static class FaultErrors
{
    /// <summary>What fills the placeholders of an injected error's message, so it never passes for a real one.</summary>
    public const string InjectedText = "injected by the emulator";

    /// <summary>Parses an error code that must be in the catalogue (exact case).</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="source">Where it was given (named in the error).</param>
    /// <returns>The code.</returns>
    /// <exception cref="DefenderErrorException">400 <c>InvalidInput</c> naming the unknown code.</exception>
    public static DefenderErrorCode ParseCode(string code, string source)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parsed = new DefenderErrorCode(code);
        return ErrorCatalogue.TryGet(parsed, out _)
            ? parsed
            : throw new DefenderErrorException(DefenderErrors.InvalidInput(
                $"'{code}' for {source}; expected a documented error code: {string.Join(", ", ErrorCatalogue.All.Select(d => d.Code.Value))}"));
    }

    /// <summary>The error for a code, its message placeholders filled with <see cref="InjectedText"/>.</summary>
    /// <param name="code">A catalogue code.</param>
    /// <returns>The error.</returns>
    public static DefenderError For(DefenderErrorCode code) =>
        new(code, ErrorCatalogue.Get(code).Placeholders.ToDictionary(p => p, object? (_) => InjectedText));
}
