#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>

namespace fleetdeck::ui {

InstalledTranslations installTranslations(QCoreApplication &app, const QString &lang)
{
    QLocale locale = lang.isEmpty() ? QLocale() : QLocale(lang);
    // No locale set (C/POSIX) reads as English, whose catalogue holds the plural forms ("1 node").
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    if (!lang.isEmpty())
        QLocale::setDefault(locale);
    InstalledTranslations installed;
    installed.qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(&app);
    installed.qt = qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), installed.qtDirectory)
        && QCoreApplication::installTranslator(qt);
    if (!installed.qt) {
        delete qt;
        // Qt's texts are English already; any other language without them is half translated.
        if (locale.language() != QLocale::English)
            std::fprintf(stderr, "fleetdeck: Qt's own translations for %s are missing in %s (install qt6-translations-l10n)\n",
                         qPrintable(locale.name()), qPrintable(installed.qtDirectory));
    }
    auto *own = new QTranslator(&app);
    installed.own = own->load(locale, QStringLiteral("fleetdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && QCoreApplication::installTranslator(own);
    if (!installed.own)
        delete own;
    return installed;
}

} // namespace fleetdeck::ui
