package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * One preprocessing step applied to a group of columns, before fitting. Steps are declared in
 * code or in YAML ({@code {kind: standard_scaler, columns: [Amount]}}) and fitted on training data
 * only; the result is a {@link FittedStep} whose state is plain JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Imputer.class, name = "imputer"),
    @JsonSubTypes.Type(value = StandardScaler.class, name = "standard_scaler"),
    @JsonSubTypes.Type(value = MinMaxScaler.class, name = "min_max_scaler"),
    @JsonSubTypes.Type(value = OneHotEncoder.class, name = "one_hot"),
    @JsonSubTypes.Type(value = CategoricalEncoder.class, name = "categorical")})
public sealed interface Step permits Imputer, StandardScaler, MinMaxScaler, OneHotEncoder,
    CategoricalEncoder {
  /** Returns the columns the step applies to. */
  List<String> columns();

  /**
   * Learns the step's state from training data.
   *
   * @throws dev.kiln.data.DataFormatException if a column is missing or of the wrong type
   */
  FittedStep fit(Frame train);
}
