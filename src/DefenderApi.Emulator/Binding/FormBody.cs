using DefenderApi.Errors;

namespace DefenderApi.Emulator.Binding;

/// <summary>
/// Reads form bodies (multipart and URL-encoded). The framework's reader throws <see cref="InvalidDataException"/>
/// for a multipart type without a boundary, a boundary over its 70-character rule, a section header it cannot
/// parse or an oversized value, and <see cref="IOException"/> when the body ends inside a section; those are the
/// client's fault and are answered here, once, for every form endpoint.
/// </summary>
internal static class FormBody
{
    /// <summary>Reads the form or answers <c>InvalidRequestBody</c> naming the fault.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The form.</returns>
    /// <exception cref="DefenderErrorException">The body is not a well-formed form.</exception>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, problem) = await TryReadAsync(request, cancellationToken);
        return form ?? throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(problem!));
    }

    /// <summary>Reads the form; a malformed one gives <see langword="null"/> and the reason.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The form, or the problem.</returns>
    public static async Task<(IFormCollection? Form, string? Problem)> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException exception)
        {
            return (null, $"the form is malformed ({exception.Message.TrimEnd('.')})");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "the form ends before its closing boundary");
        }
    }
}
