"""Writes small ONNX models for Kiln's tests with Debian's python3-onnx (onnx.helper only).

Reads JSON from stdin: {"dir": folder, "w": [[...] F rows x K columns], "b": [K values]} and
writes, for the linear scores z = x W + b:
  binary.onnx      sigmoid(z) of the first column as a float tensor [N, 1]
  zipmap.onnx      softmax(z) as scikit-learn-onnx gives it: output_label (int64 [N]) and
                   output_probability (a sequence of maps class -> probability)
  regression.onnx  z of the first column as a float tensor [N, 1]
"""
import json
import os
import sys

import numpy as np
from onnx import TensorProto, TypeProto, checker, helper, numpy_helper

spec = json.load(sys.stdin)
w = np.array(spec["w"], dtype=np.float32)
b = np.array(spec["b"], dtype=np.float32)
features, classes = w.shape
x = helper.make_tensor_value_info("float_input", TensorProto.FLOAT, [None, features])
opsets = [helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)]


def save(name, nodes, outputs, weights):
    graph = helper.make_graph(nodes, name, [x], outputs,
                              [numpy_helper.from_array(a, n) for n, a in weights.items()])
    model = helper.make_model(graph, opset_imports=opsets, producer_name="kiln-test")
    model.ir_version = 8
    checker.check_model(model)
    with open(os.path.join(spec["dir"], name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())


first = {"W": w[:, :1], "B": b[:1]}
linear = [helper.make_node("MatMul", ["float_input", "W"], ["xw"]),
          helper.make_node("Add", ["xw", "B"], ["z"])]
save("binary", linear + [helper.make_node("Sigmoid", ["z"], ["probability"])],
     [helper.make_tensor_value_info("probability", TensorProto.FLOAT, [None, 1])], first)
save("regression", linear[:1] + [helper.make_node("Add", ["xw", "B"], ["variable"])],
     [helper.make_tensor_value_info("variable", TensorProto.FLOAT, [None, 1])], first)

maps = TypeProto()
maps.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
maps.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
save("zipmap", linear + [
    helper.make_node("Softmax", ["z"], ["probabilities"], axis=1),
    helper.make_node("ArgMax", ["probabilities"], ["output_label"], axis=1, keepdims=0),
    helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml",
                     classlabels_int64s=list(range(classes)))],
     [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]),
      helper.make_value_info("output_probability", maps)], {"W": w, "B": b})
