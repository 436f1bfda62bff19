package dev.kiln.data.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sql} node in a YAML pipeline: tables by dataset name or by the declaration's key. */
class SqlNodeTest {
  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        transactions: {type: csv, filepath: data/transactions.csv}
        customers: {type: csv, filepath: data/customers.csv}
        spend: {type: csv, filepath: data/spend.csv}
        clean: {type: csv, filepath: data/clean.csv}
        """);
    Files.writeString(dir.resolve("data/transactions.csv"),
        "customer_id,amount\n1,10.5\n1,4.5\n2,7\n2,7\n3,\n");
    Files.writeString(dir.resolve("data/customers.csv"), "customer_id,segment\n1,a\n2,b\n3,a\n");
  }

  private void pipelines(String yaml) throws IOException {
    Files.writeString(dir.resolve("conf/base/pipelines.yml"), yaml);
  }

  private RunState run() {
    return ProjectRunner.run(Project.open(dir, "local", List.of()), RunRequest.defaults());
  }

  private Frame read(String file) {
    return FrameReader.csv(dir.resolve("data").resolve(file), CsvOptions.defaults());
  }

  @Test
  void sql_joinsAndAggregatesItsInputs_namedByDatasetOrByKey() throws IOException {
    pipelines("""
        __default__:
          nodes:
            clean:
              type: sql
              inputs: transactions
              outputs: clean
              params: {query: select distinct * from transactions where amount is not null}
            spend:
              type: sql
              inputs: {t: clean, c: customers}
              outputs: spend
              params:
                query: |
                  select c.segment, sum(t.amount) as total, count(*) as n
                  from t join c using (customer_id)
                  group by c.segment order by c.segment
        """);
    RunState state = run();
    assertThat(state.succeeded()).as(state.error()).isTrue();
    assertThat(read("clean.csv").rowCount()).as("the duplicate and the missing amount dropped")
        .isEqualTo(3);
    Frame spend = read("spend.csv");
    assertThat(spend.column("segment").get(0)).isEqualTo("a");
    assertThat(spend.column("total").getDouble(0)).isEqualTo(15.0);
    assertThat(spend.column("total").getDouble(1)).isEqualTo(7.0);
    assertThat(spend.column("n").getDouble(1)).isEqualTo(1.0);
  }

  @Test
  void sql_misspelledColumn_failsTheRunAsBadInput_namingTheNodeAndTheColumn() throws IOException {
    pipelines("""
        __default__:
          nodes:
            clean:
              type: sql
              inputs: transactions
              outputs: clean
              params: {query: select amout from transactions}
        """);
    RunState state = run();
    assertThat(state.succeeded()).isFalse();
    assertThat(state.failedOnBadInput()).as("exit code 2 in kiln run").isTrue();
    assertThat(state.error()).contains("Node 'clean' (").contains("pipelines.yml:3)")
        .contains("amout").contains("amount");
  }

  @Test
  void sql_withoutQuery_isRefusedWhenThePipelineLoads() throws IOException {
    pipelines("""
        __default__:
          nodes:
            clean: {type: sql, inputs: transactions, outputs: clean}
        """);
    assertThatThrownBy(this::run).isInstanceOf(KilnException.class)
        .hasMessageContaining("pipelines.yml").hasMessageContaining("parameter 'query' is"
            + " required");
  }
}
