#pragma once
// An op's progress as the GUI words it (issue #15 item 1): composed from the fields the engine
// keeps (file name, current and total bytes, node rows' status and phase), in the admin's language
// and number format, never from the engine's English `message`. The raw message and error stay
// reachable as details (the operations bar's tooltips and its "Copy details" entry). Texts share
// presentOp()'s context, fleetdeck::ui::OpPresentation.
#include "core/operation.h"

#include <QString>

namespace fleetdeck::ui {

// "42 %" with the locale's digits.
QString percentText(int percent);

// What a running op is doing beyond its headline, or empty when nothing says more:
// "llama.tar.zst · 512.0 MiB of 1.2 GiB" (the file and byte sums of its downloading rows, sizes
// by QLocale::formattedDataSize), else what its rows do: "Extracting on gpu-a100-1", "Verifying on
// 2 nodes, Extracting on 1 node" (a node-scoped op names no node: its headline does).
QString opProgressText(const Operation &op);

// A worker-busy op or row: "the worker on jetson-orin is still installing; the reconciler will
// confirm" (`nodeNames` empty: "the worker is still installing; …").
QString workerBusyText(OpKind kind, const QString &nodeNames = {});

// The engine's own words, for details only: the op's message and its error, one per line; with
// `withNodes`, then "<node>: <message>" for each node row that has one.
QString opDetails(const Operation &op, bool withNodes = false);
// A node row's message and error, one per line.
QString nodeDetails(const NodeProgress &row);

} // namespace fleetdeck::ui
