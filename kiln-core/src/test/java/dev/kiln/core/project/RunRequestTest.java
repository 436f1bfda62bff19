package dev.kiln.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.hooks.Hook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestTest {
  @Test
  void withMoreHooks_keepsEveryOption_andCallsTheNewHooksAfterTheRequestsOwn() {
    Hook first = new Hook() {};
    Hook second = new Hook() {};
    NodeFilters filters = NodeFilters.builder().tags(List.of("train")).build();
    RunRequest request = RunRequest.builder("training").filters(filters).workers(3).noCache()
        .fromFailed(true).loadVersions(Map.of("raw", "v1")).hooks(List.of(first)).build();

    RunRequest more = request.withMoreHooks(List.of(second));

    assertThat(more.hooks()).containsExactly(first, second);
    assertThat(more).usingRecursiveComparison().ignoringFields("hooks").isEqualTo(request);
    assertThat(request.hooks()).containsExactly(first);
  }
}
