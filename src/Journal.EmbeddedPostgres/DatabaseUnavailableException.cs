namespace Journal.Postgres;

/// <summary>Thrown when no database can be had; its message is meant for the person starting Journal.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
