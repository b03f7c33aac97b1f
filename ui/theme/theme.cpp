#include "theme/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <cmath>

namespace fleetdeck::ui {

namespace {
struct Pair {
    const char *light;
    const char *dark;
};
Pair tokenColors(Tone t)
{
    switch (t) {
    case Tone::Ok: return {"#2E7D32", "#66BB6A"};
    case Tone::Warning: return {"#B26A00", "#FFB74D"};
    case Tone::Error: return {"#C62828", "#EF5350"};
    case Tone::Info: return {"#1565C0", "#64B5F6"};
    case Tone::Draining: return {"#0277BD", "#4FC3F7"};
    case Tone::Pending: return {"#6A1B9A", "#BA68C8"};
    case Tone::Neutral: break;
    }
    return {"#616161", "#9E9E9E"};
}

double luminance(const QColor &c)
{
    auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x22, 0x25), base(0x18, 0x1a, 0x1c), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2c, 0x2f, 0x33));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2c, 0x2f, 0x33));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa8, 0xad, 0xb4));
    p.setColor(QPalette::Mid, QColor(0x45, 0x49, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Dark, QColor(0x10, 0x11, 0x12));
    p.setColor(QPalette::Light, QColor(0x50, 0x54, 0x5a));
    p.setColor(QPalette::Link, QColor(0x64, 0xb5, 0xf6));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x84, 0x8a));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x5f, 0x63, 0x68));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcb, 0xd0));
    p.setColor(QPalette::Highlight, QColor(0x1e, 0x63, 0xb8));
    return p;
}
} // namespace

Theme &Theme::instance()
{
    static Theme *theme = new Theme; // lives as long as the application
    return *theme;
}

Theme::Theme()
{
    m_reducedMotion = qEnvironmentVariableIntValue("FLEETDECK_REDUCED_MOTION") == 1;
}

void Theme::apply(Mode mode)
{
    m_mode = mode;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool dark = mode == Mode::Dark;
    if (mode == Mode::System) {
        const QColor window = QApplication::style()->standardPalette().color(QPalette::Window);
        dark = qEnvironmentVariable("FLEETDECK_THEME") == QLatin1String("dark") || window.lightnessF() < 0.5;
    }
    m_dark = dark;
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    Q_EMIT changed();
}

QColor Theme::color(Tone tone) const
{
    const Pair p = tokenColors(tone);
    return QColor(QLatin1String(m_dark ? p.dark : p.light));
}

QColor Theme::onTone(Tone tone) const
{
    const QColor c = color(tone);
    return contrast(c, Qt::white) >= 4.5 ? QColor(Qt::white) : QColor(0x12, 0x12, 0x12);
}

QColor Theme::chipBackground(Tone tone) const
{
    const QColor c = color(tone);
    const QColor base = QApplication::palette().color(QPalette::Base);
    const double a = m_dark ? 0.22 : 0.12;
    return QColor::fromRgbF(base.redF() * (1 - a) + c.redF() * a, base.greenF() * (1 - a) + c.greenF() * a,
                            base.blueF() * (1 - a) + c.blueF() * a);
}

QColor Theme::readable(Tone tone, const QColor &background) const
{
    QColor c = color(tone);
    for (int i = 0; i < 12 && contrast(c, background) < 4.5; ++i)
        c = m_dark ? c.lighter(110) : c.darker(112);
    return c;
}

QColor Theme::cardBackground() const
{
    return m_dark ? QColor(0x24, 0x27, 0x2b) : QColor(Qt::white);
}

QColor Theme::border() const
{
    return QApplication::palette().color(QPalette::Mid);
}

QColor Theme::borderHover() const
{
    return m_dark ? QColor(0x7a, 0x80, 0x88) : QColor(0x8a, 0x90, 0x98);
}

QColor Theme::secondaryText() const
{
    return QApplication::palette().color(QPalette::PlaceholderText);
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Theme::Mode Theme::modeFromString(const QString &s)
{
    if (s == QLatin1String("light"))
        return Mode::Light;
    if (s == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

QString Theme::modeToString(Mode m)
{
    switch (m) {
    case Mode::Light: return QStringLiteral("light");
    case Mode::Dark: return QStringLiteral("dark");
    case Mode::System: break;
    }
    return QStringLiteral("system");
}

} // namespace fleetdeck::ui
