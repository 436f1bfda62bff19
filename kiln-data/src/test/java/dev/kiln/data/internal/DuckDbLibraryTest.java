package dev.kiln.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

class DuckDbLibraryTest {
  /** DuckDB's jar names its library this way; kiln.jar moves exactly that file (kiln-cli pom). */
  @Test
  void duckDbName_isTheResourceDuckDbsJarHolds() {
    String name = DuckDbLibrary.duckDbName();
    assertThat(name).startsWith("libduckdb_java.so_");
    assertThat(DuckDbLibrary.class.getClassLoader().getResource(name)).isNotNull();
  }

  /** With DuckDB's own jar on the class path the driver loads its library itself, as before. */
  @Test
  void prepare_withDuckDbsOwnJar_leavesLoadingToTheDriver() throws Exception {
    DuckDbLibrary.prepare();
    try (DuckDBConnection c = DuckDb.open(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select 42")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(42);
    }
  }
}
