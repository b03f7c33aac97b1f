#pragma once
// The application's languages (issue #7, issue #14): Fleetdeck's own catalogue and Qt's, so that
// Qt's standard dialogs and buttons ("Abbrechen", "Schließen") speak the same language as the rest.
#include <QString>

class QCoreApplication;

namespace fleetdeck::ui {

struct InstalledTranslations {
    bool qt = false;  // qtbase_<lang>.qm from QLibraryInfo::TranslationsPath (Debian: qt6-translations-l10n)
    bool own = false; // fleetdeck_<lang>.qm from :/i18n
    QString qtDirectory;
};

// Installs both catalogues for `lang` ("de", "es"; empty: the system's locale, where C/POSIX reads
// as English) on `app`, which owns the translators; a given `lang` also becomes the default
// QLocale. A missing Qt catalogue for a language other than English is reported on stderr.
InstalledTranslations installTranslations(QCoreApplication &app, const QString &lang);

} // namespace fleetdeck::ui
