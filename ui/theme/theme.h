#pragma once
// The one source of semantic colours (docs/gui.md#colour-and-type): delegates and widgets ask the
// theme for `ok`, `warning`, … and never carry colour literals of their own. Light and dark sets
// come from docs/gui.md; `System` follows the platform palette's lightness (Qt 6.4 has no
// colorScheme()).
#include <QColor>
#include <QFont>
#include <QObject>
#include <QPalette>

class QApplication;

namespace fleetdeck::ui {

enum class Tone { Ok, Warning, Error, Info, Draining, Pending, Neutral };

class Theme final : public QObject {
    Q_OBJECT
public:
    enum class Mode { System, Light, Dark };
    static Theme &instance();

    void apply(Mode mode); // sets the application palette and notifies
    Mode mode() const { return m_mode; }
    bool isDark() const { return m_dark; }
    QColor color(Tone tone) const;
    // Text drawn on a tone-coloured chip keeps ≥ 4.5:1 contrast.
    QColor onTone(Tone tone) const;
    QColor chipBackground(Tone tone) const;
    // The tone adjusted (darker in light mode, lighter in dark mode) until it reads at ≥ 4.5:1 on
    // `background`: text and small shapes use this, fills use color().
    QColor readable(Tone tone, const QColor &background) const; // a soft tint of the tone on the base colour
    QColor cardBackground() const;
    QColor border() const;
    QColor borderHover() const;
    QColor secondaryText() const;
    static double contrast(const QColor &a, const QColor &b);
    static Mode modeFromString(const QString &s);
    static QString modeToString(Mode m);
    // Reduced motion (no spinner rotation): FLEETDECK_REDUCED_MOTION=1 or the platform's hint.
    bool reducedMotion() const { return m_reducedMotion; }

Q_SIGNALS:
    void changed();

private:
    Theme();
    Mode m_mode = Mode::System;
    bool m_dark = false;
    bool m_reducedMotion = false;
};

} // namespace fleetdeck::ui
