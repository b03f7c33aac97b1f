// Qt's own dialog texts are translated (issue #14): under `--lang de` the app installs Qt's
// catalogue (qtbase_de.qm from QLibraryInfo::TranslationsPath, Debian's qt6-translations-l10n)
// next to its own, so a standard button reads "Abbrechen", not "Cancel". Calls the function that
// gui_main.cpp calls for --lang, offscreen.
#include "i18n/translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

using namespace fleetdeck::ui;

namespace {
QString shown(const QAbstractButton *b)
{
    return b ? QString(b->text()).remove(QLatin1Char('&')) : QStringLiteral("(no button)");
}
} // namespace

class TstQtTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void standard_buttons_in_german_under_lang_de()
    {
        const InstalledTranslations installed = installTranslations(*qApp, QStringLiteral("de"));
        QVERIFY2(installed.qt, qPrintable(QStringLiteral("no qtbase_de.qm in %1 (qt6-translations-l10n)").arg(installed.qtDirectory)));
        QVERIFY(installed.own);
        QCOMPARE(QLocale().language(), QLocale::German);

        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        QCOMPARE(shown(box.button(QDialogButtonBox::Cancel)), QStringLiteral("Abbrechen"));
        QCOMPARE(shown(box.button(QDialogButtonBox::Close)), QStringLiteral("Schließen"));

        QMessageBox question(QMessageBox::Question, QStringLiteral("Fleetdeck"), QStringLiteral("?"),
                             QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
        QCOMPARE(shown(question.button(QMessageBox::Yes)), QStringLiteral("Ja"));
        QCOMPARE(shown(question.button(QMessageBox::No)), QStringLiteral("Nein"));
        QCOMPARE(shown(question.button(QMessageBox::Cancel)), QStringLiteral("Abbrechen"));

        // Fleetdeck's own catalogue is installed alongside.
        QCOMPARE(QCoreApplication::translate("fleetdeck::ui::BackendsPage", "All backends"), QStringLiteral("Alle Backends"));
    }
};

QTEST_MAIN(TstQtTranslations)
#include "tst_qt_translations.moc"
