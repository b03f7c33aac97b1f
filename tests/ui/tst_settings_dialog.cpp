// The Settings dialog (SPEC §1.5 cluster-wide settings, §11.10): every changed key validated with
// ClusterSettings::validate before saving, one setter call per changed key, refusals inline; the
// process's own store and NATS shown read-only. And every input of the dialogs has an accessible
// name and a label whose mnemonic reaches it.
#include "bridge/engine_host.h"
#include "config/cluster_settings.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/gallery_list_editor.h"
#include "dialogs/profiles_dialog.h"
#include "dialogs/settings_form.h"
#include "dialogs/welcome_dialog.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QPushButton>
#include <QTableWidget>
#include <QSignalSpy>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

class TestSettingsDialog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void settingsFormRefusesInvalidValues();
    void settingsFormSendsOneCallPerChangedKey();
    void settingsDialogShowsProcessConfigAndErrors();
    void inputsHaveAccessibleNamesAndBuddies();
};

void TestSettingsDialog::settingsFormRefusesInvalidValues()
{
    int calls = 0;
    SettingsForm form([&calls](const QString &, const QString &, std::function<void(Status)> done) {
        ++calls;
        done(okStatus());
    });
    form.setSettings(ClusterSettings());
    QSignalSpy finished(&form, &SettingsForm::finished);
    form.setFieldText(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero"));
    QCOMPARE(form.changedKeys(), QStringList{QStringLiteral("ops/fanout_parallel")});
    QCOMPARE(form.apply(), 0);
    QCOMPARE(calls, 0);
    const QString expected = ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero")).error();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(form.errorText(QStringLiteral("ops/fanout_parallel")), expected);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);

    form.setFieldText(QStringLiteral("galleries"), QStringLiteral("[{\"name\":\"main\",\"url\":\"ftp://nowhere\"}]"));
    form.setFieldText(QStringLiteral("ops/fanout_parallel"), QStringLiteral("8"));
    QCOMPARE(form.apply(), 0);
    QVERIFY(form.errorText(QStringLiteral("galleries")).startsWith(QStringLiteral("invalid value for galleries: galleries[0].url")));
    QVERIFY(form.errorText(QStringLiteral("ops/fanout_parallel")).isEmpty());
}

void TestSettingsDialog::settingsFormSendsOneCallPerChangedKey()
{
    QList<std::pair<QString, QString>> calls;
    std::function<void(Status)> storeRefusal;
    SettingsForm form([&](const QString &key, const QString &value, std::function<void(Status)> done) {
        calls.append({key, value});
        if (key == QLatin1String("health/tick_s"))
            storeRefusal = done; // answered later, like the engine thread does
        else
            done(okStatus());
    });
    ClusterSettings::Rows rows;
    rows.insert(QStringLiteral("nodes/registration_token"), ClusterSettings::hashRegistrationToken(QStringLiteral("old")));
    form.setSettings(ClusterSettings(rows));
    QVERIFY(form.changedKeys().isEmpty());
    QVERIFY(!SettingsForm::editableKeys().contains(QStringLiteral("cluster_id")));
    QCOMPARE(SettingsForm::editableKeys().size(), ClusterSettings::specs().size() - 1);

    form.setFieldText(QStringLiteral("ops/fanout_parallel"), QStringLiteral("16"));
    form.setFieldText(QStringLiteral("upgrades/auto"), QStringLiteral("true"));
    auto *galleries = form.findChild<GalleryListEditor *>();
    QVERIFY(galleries); // typed into the table, as the admin does: a path with a space survives
    galleries->findChild<QPushButton *>()->click(); // "Add gallery"
    QCOMPARE(galleries->table()->rowCount(), 1);
    galleries->table()->item(0, 0)->setText(QStringLiteral("main"));
    galleries->table()->item(0, 1)->setText(QStringLiteral("/srv/my galleries/index.json"));

    form.setFieldText(QStringLiteral("nodes/registration_token"), QStringLiteral("new-token"));
    form.setFieldText(QStringLiteral("health/tick_s"), QStringLiteral("20"));
    QSignalSpy finished(&form, &SettingsForm::finished);
    QCOMPARE(form.apply(), 5);
    QCOMPARE(calls.size(), 5);
    QCOMPARE(finished.count(), 0); // health/tick_s has not answered yet
    QVERIFY(calls.contains({QStringLiteral("ops/fanout_parallel"), QStringLiteral("16")}));
    QVERIFY(calls.contains({QStringLiteral("upgrades/auto"), QStringLiteral("true")}));
    QVERIFY(calls.contains({QStringLiteral("nodes/registration_token"), QStringLiteral("new-token")}));
    QVERIFY(calls.contains({QStringLiteral("galleries"),
                            QStringLiteral("[{\"name\":\"main\",\"url\":\"/srv/my galleries/index.json\"}]")}));
    storeRefusal(Status::failure(QStringLiteral("store unreachable")));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(form.errorText(QStringLiteral("health/tick_s")), QStringLiteral("store unreachable"));
    QCOMPARE(form.changedKeys(), QStringList{QStringLiteral("health/tick_s")}); // the others were saved
}

void TestSettingsDialog::settingsDialogShowsProcessConfigAndErrors()
{
    EngineHost host(EngineStarter{});
    SettingsDialog dialog(&host);
    auto *store = dialog.findChild<QLineEdit *>(QStringLiteral("Store"));
    QVERIFY(store);
    QVERIFY(store->isReadOnly());
    QCOMPARE(store->text(), QStringLiteral("(not configured)"));
    dialog.form()->setFieldText(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero"));
    dialog.save();
    QCOMPARE(dialog.form()->errorText(QStringLiteral("ops/fanout_parallel")),
             ClusterSettings::validate(QStringLiteral("ops/fanout_parallel"), QStringLiteral("zero")).error());
    QVERIFY(dialog.statusText().contains(QStringLiteral("not saved")));
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // stays open
}

void TestSettingsDialog::inputsHaveAccessibleNamesAndBuddies()
{
    EngineHost host(EngineStarter{});
    SettingsDialog settings(&host);
    QTemporaryDir dir;
    ProfilesDialog profile(dir.filePath(QStringLiteral("fleetdeck.conf")));
    WelcomeDialog welcome;
    for (QWidget *root : {static_cast<QWidget *>(&settings), static_cast<QWidget *>(&profile), static_cast<QWidget *>(&welcome)}) {
        int inputs = 0;
        for (QWidget *w : root->findChildren<QWidget *>()) {
            const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                               || qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w);
            if (!input || qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QAbstractItemView *>(w->parentWidget()))
                continue; // parts of a compound input
            if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
                continue; // a button's text is its name
            ++inputs;
            const QString what = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(what));
        }
        QVERIFY(inputs > 0 || root == &welcome);
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1Char('&')) && !label->text().contains(QStringLiteral("&&")))
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
