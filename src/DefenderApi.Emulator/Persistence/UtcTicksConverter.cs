using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DefenderApi.Emulator.Persistence;

/// <summary>Stores instants as UTC ticks so SQLite compares and orders them correctly.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
