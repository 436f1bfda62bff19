package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeErrorsTest {
  @Test
  void reason_dropsTimeLocationAndBacktrace() {
    Exception e = new Exception("[14:58:59] /workspace/include/xgboost/json.h:82: Invalid cast,"
        + " from Null to Object\nStack trace:\n  [bt] (0) /tmp/libxgboost4j.so(dmlc::Log"
        + "MessageFatal::~LogMessageFatal()+0x6e) [0x7f52f05df56e]\n  [bt] (1) [0x7f53109455da]\n");
    assertThat(NativeErrors.reason(e)).isEqualTo("Invalid cast, from Null to Object");
  }

  @Test
  void reason_keepsAPlainMessage_andNamesTheTypeOfAnEmptyOne() {
    assertThat(NativeErrors.reason(new Exception("map::at"))).isEqualTo("map::at");
    assertThat(NativeErrors.reason(new IllegalStateException())).isEqualTo(
        "IllegalStateException");
    assertThat(NativeErrors.reason(new Exception("Stack trace:\n  [bt] (0) x"))).isEqualTo(
        "Exception");
  }
}
