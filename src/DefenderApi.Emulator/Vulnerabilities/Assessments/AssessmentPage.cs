using System.Buffers.Text;
using System.Globalization;
using System.Text;
using DefenderApi.Emulator.OData;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// The paging of the assessment exports (JSON response): <c>pageSize</c> rows per answer (50,000 unless given, at
/// most 200,000) and an <c>@odata.nextLink</c> carrying an opaque <c>$skiptoken</c> while rows remain. Rows come in
/// a stable order, so following the links visits every row exactly once.
/// </summary>
internal sealed record AssessmentPage(int PageSize, int Offset)
{
    public const int DefaultPageSize = 50_000;
    public const int MaxPageSize = 200_000;
    public const string SkipTokenParameter = "$skiptoken";

    /// <summary>Reads <c>pageSize</c> and <c>$skiptoken</c>; a bad value is 400 <c>InvalidInput</c> naming it.</summary>
    public static AssessmentPage Parse(string? pageSize, string? skipToken) => new(PageSizeOf(pageSize), OffsetOf(skipToken));

    /// <summary>The page of <paramref name="rows"/> as <c>{"@odata.context", "value", "@odata.nextLink"}</c>.</summary>
    public IResult Answer<T>(HttpRequest request, string entityType, IReadOnlyList<T> rows)
    {
        var page = rows.Skip(Offset).Take(PageSize).ToList();
        var next = (long)Offset + PageSize;
        var nextLink = next < rows.Count
            ? ODataLinks.WithQuery(request, new Dictionary<string, string?> { [SkipTokenParameter] = TokenOf((int)next) })
            : null;
        return new ODataCollectionResult<T>(
            ODataLinks.Context(request, $"Collection(microsoft.windowsDefenderATP.api.{entityType})"), page, null, nextLink, null);
    }

    private static int PageSizeOf(string? text)
    {
        if (text is null)
        {
            return DefaultPageSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{text}' for pageSize; expected an integer from 1 to {MaxPageSize}"));
    }

    // The token is the base64url of the next row's position; anything else was not issued by us.
    private static int OffsetOf(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        return Base64Url.IsValid(token)
            && int.TryParse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{token}' for {SkipTokenParameter}; use the @odata.nextLink of the previous page"));
    }

    private static string TokenOf(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
}
