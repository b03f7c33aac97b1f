#pragma once
// The window's language for one test: its catalogue (embedded under :/i18n, as gui_main.cpp
// loads it) and its locale, both restored at the end of the scope. "en" loads fleetdeck_en.qm,
// which holds only English plurals.
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTranslator>

namespace fleetdeck::test {

class ScopedLanguage {
public:
    explicit ScopedLanguage(const QString &lang) : m_before(QLocale())
    {
        QLocale::setDefault(QLocale(lang));
        m_loaded = m_translator.load(QStringLiteral(":/i18n/fleetdeck_%1.qm").arg(lang))
                   && QCoreApplication::installTranslator(&m_translator);
    }
    ~ScopedLanguage()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(m_before);
    }
    ScopedLanguage(const ScopedLanguage &) = delete;
    ScopedLanguage &operator=(const ScopedLanguage &) = delete;
    bool loaded() const { return m_loaded; }

private:
    QLocale m_before;
    QTranslator m_translator;
    bool m_loaded = false;
};

} // namespace fleetdeck::test
