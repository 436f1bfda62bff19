package dev.kiln.core.pipeline;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small fixtures: string datasets and nodes that join their inputs. */
public final class TestNodes {
  private TestNodes() {}

  /** Returns a string dataset reference. */
  public static DatasetRef<String> str(String name) {
    return DatasetRef.of(name, String.class);
  }

  /**
   * Returns a node reading string inputs and writing one string output per name: the output is
   * {@code name(input1,input2)} so results show the whole upstream computation.
   */
  public static Node join(String name, String[] inputs, String... outputs) {
    DatasetRef<?>[] ins = Arrays.stream(inputs).map(TestNodes::str).toArray(DatasetRef[]::new);
    DatasetRef<?>[] outs = Arrays.stream(outputs).map(TestNodes::str).toArray(DatasetRef[]::new);
    return Node.builder(name).inputs(ins).outputs(outs).run(in -> {
      String joined = Arrays.stream(inputs).map(i -> in.get(str(i)))
          .collect(Collectors.joining(",", name + "(", ")"));
      Outputs result = Outputs.none();
      for (String out : outputs) {
        result = result.and(str(out), joined);
      }
      return result;
    });
  }

  /** Returns a one-input, one-output joining node. */
  public static Node join(String name, String input, String output) {
    return join(name, new String[] {input}, output);
  }

  /** Returns the names as an array, for readability at call sites. */
  public static String[] in(String... names) {
    return names;
  }
}
