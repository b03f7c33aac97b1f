#pragma once
// Small rounded chips (docs/gui.md#badges): "Update b4120" (info), "Drift: 1 node" (warning),
// "System", "Meta", "Development" (neutral). Painted, never widgets.
#include "theme/theme.h"

#include <QFontMetrics>
#include <QRect>
#include <QString>

class QPainter;

namespace fleetdeck::ui {

int chipWidth(const QFontMetrics &fm, const QString &text);
// Paints a chip with its top-left at `at`; returns its rect.
QRect paintChip(QPainter *p, QPoint at, const QFontMetrics &fm, const QString &text, Tone tone);

} // namespace fleetdeck::ui
