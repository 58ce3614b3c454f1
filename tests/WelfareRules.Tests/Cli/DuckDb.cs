using DuckDB.NET.Data;

namespace WelfareRules.Tests.Cli;

/// <summary>DuckDB, the second Parquet reader and writer of the tests: files written by another library than the tool's.</summary>
internal static class DuckDb
{
    /// <summary>Runs one statement (a <c>COPY … TO 'file' (FORMAT PARQUET)</c>) in a database of its own, in memory.</summary>
    internal static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The one number a query gives (such as a count over <c>parquet_metadata('file')</c>).</summary>
    internal static long Scalar(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
