// The dashboard and the demo (docs/architecture.md#programs, #demo-cluster,
// docs/gui.md#first-start, docs/gui.md). The engine runs on its own thread behind an EngineHost;
// this file only chooses what to run and wires the window.
#include "../common/termination_signals.h"
#include "app_settings.h"
#include "bridge/engine_host.h"
#include "cli_options.h"
#include "config/config_loader.h"
#include "bridge/demo_starter.h"
#include "dialogs/profiles_dialog.h"
#include "connection/secret_collector.h"
#include "connection/secret_vault.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/welcome_dialog.h"
#include "i18n/translations.h"
#include "main_window.h"
#include "presentation/reason_text.h"
#include "single_instance.h"
#include "startup_report.h"
#include "theme/theme.h"
#include "tray/tray_notifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>
#include <cstdio>

using namespace fleetdeck;

namespace {

bool isConfigured(const ProcessConfig &c)
{
    return !c.nats.url.isEmpty() || !c.storeDriver.isEmpty() || !c.storePath.isEmpty() || !c.storeDatabase.isEmpty();
}

QString profileNameOf(const EngineConfig &ec)
{
    const QString url = ec.nats ? ec.nats->url : QString();
    return url.isEmpty() ? ec.store.dsn() : QUrl(url).host();
}

} // namespace

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fleetdeck"));
    QApplication::setApplicationDisplayName(QStringLiteral("Fleetdeck"));
    QApplication::setApplicationVersion(QStringLiteral(FLEETDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.fleetdeck.Fleetdeck"));
    QCommandLineParser parser;
    ConfigLoader loader;
    parseFleetdeckCommandLine(parser, loader, app);
    const FleetdeckOptions &o = fleetdeckOptions();

    bool demo = parser.isSet(o.demo);
    const bool scripted = parser.isSet(o.screenshot) || parser.isSet(o.quitAfter);
    // The demo keeps its window state in memory only: it writes nothing outside its directory.
    std::unique_ptr<AppSettings> settings;
    if (!demo && !scripted) {
        settings = std::make_unique<AppSettings>();
        settings->migrate();
    }
    // One window per user (issue "installers"): a second launch raises the first and exits.
    SingleInstance instance(SingleInstance::defaultKey());
    if (!demo && !scripted && instance.start(app.arguments()) == SingleInstance::Role::Secondary) {
        std::fprintf(stderr, "fleetdeck: already running for this user; raised its window\n");
        return 0;
    }

    const QString lang = parser.isSet(o.lang) ? parser.value(o.lang) : settings ? settings->language() : QString();
    ui::installTranslations(app, lang); // Qt's catalogue (standard buttons) and Fleetdeck's
    QString theme = parser.isSet(o.theme) ? parser.value(o.theme) : qEnvironmentVariable("FLEETDECK_THEME");
    if (theme.isEmpty() && settings)
        theme = AppSettings::themeName(settings->theme());
    ui::Theme::instance().apply(ui::Theme::modeFromString(theme));

    std::optional<EngineStarter> starter;
    QString profile;
    if (!demo && !parser.isSet(QStringLiteral("config"))) {
        // The active profile's secrets live in the keychain; the engine reads them from runtime
        // files that a reboot removes: write them again before the configuration is read.
        ui::SecretVault vault;
        QEventLoop wait;
        Status restored = okStatus();
        bool finished = false;
        ui::SecretCollector::restoreActive(ConfigLoader::defaultGuiConfigPath(), &vault, &wait, [&](Status st) {
            restored = st;
            finished = true;
            wait.quit();
        });
        if (!finished) {
            QTimer::singleShot(10000, &wait, &QEventLoop::quit);
            wait.exec();
        }
        if (!restored)
            std::fprintf(stderr, "fleetdeck: %s\n", qPrintable(restored.error()));
    }
    if (!demo) {
        auto config = loader.load(parser);
        if (!config) {
            QMessageBox::critical(nullptr, QObject::tr("Fleetdeck"), config.error());
            return 2;
        }
        if (!isConfigured(config.value())) {
            // First start (docs/gui.md#first-start): offer the demo or a connection; never create a
            // store on our own.
            ui::WelcomeDialog welcome;
            std::fprintf(stderr, "fleetdeck: no store or NATS configured (%s): offering Demo or Connect…\n",
                         qPrintable(ConfigLoader::defaultGuiConfigPath()));
            if (scripted) {
                // --screenshot / --quit-after also drive the first-start choice (tests, docs).
                const qint64 ms = parser.isSet(o.quitAfter) ? qint64(parser.value(o.quitAfter).toDouble() * 1000) : 3000;
                const QString shot = parser.value(o.screenshot);
                QTimer::singleShot(ms, &welcome, [&welcome, shot] {
                    if (!shot.isEmpty() && !welcome.grab().save(shot))
                        std::fprintf(stderr, "fleetdeck: cannot write screenshot %s\n", qPrintable(shot));
                    welcome.reject();
                });
            }
            welcome.exec();
            if (welcome.choice() == ui::WelcomeDialog::Choice::Quit)
                return 0;
            if (welcome.choice() == ui::WelcomeDialog::Choice::Demo) {
                demo = true;
            } else {
                ui::ProfilesDialog profiles(ConfigLoader::defaultGuiConfigPath());
                if (profiles.exec() != QDialog::Accepted)
                    return 0;
                demo = profiles.demoChosen();
                if (!demo) {
                    config = loader.load(parser);
                    if (!config) {
                        QMessageBox::critical(nullptr, QObject::tr("Fleetdeck"), config.error());
                        return 2;
                    }
                }
            }
        }
        if (!demo) {
            auto store = config->storeConfig();
            if (!store) {
                QMessageBox::critical(nullptr, QObject::tr("Fleetdeck"), store.error());
                return 2;
            }
            EngineConfig ec;
            ec.kind = QStringLiteral("gui");
            ec.store = store.value();
            if (!config->nats.url.isEmpty())
                ec.nats = config->natsConfig();
            ec.galleryUrls = config->galleryUrls;
            ec.waitForServers = true; // docs/gui.md#connection-indicator-and-re-seed: the window opens at once and connects by itself
            profile = profileNameOf(ec);
            starter = EngineStarter::forConfig(ec);
        }
    }
    if (demo) {
        starter = demoStarter(!parser.isSet(o.noTour));
        profile = QObject::tr("Demo cluster");
    }

    EngineHost host(*starter);
    ui::MainWindow window(&host);
    window.setProfileName(profile);
    if (settings) {
        window.restoreGeometry(settings->windowGeometry());
        if (const auto page = ui::MainWindow::pageFromName(settings->lastPage()))
            window.showPage(*page);
        QObject::connect(&app, &QApplication::aboutToQuit, &window, [&] {
            settings->setWindowGeometry(window.saveGeometry());
            const QString names[] = {QStringLiteral("backends"), QStringLiteral("manage"), QStringLiteral("nodes"), QStringLiteral("activity")};
            settings->setLastPage(names[int(window.currentPage())]);
            settings->setTheme(AppSettings::themeFromName(ui::Theme::modeToString(ui::Theme::instance().mode())).value_or(AppSettings::Theme::System));
            settings->sync();
        });
    }
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&](const QStringList &) {
        std::fprintf(stderr, "fleetdeck: a second launch asked for this window\n");
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    if (parser.isSet(o.page)) {
        const auto page = ui::MainWindow::pageFromName(parser.value(o.page));
        if (!page) {
            std::fprintf(stderr, "fleetdeck: unknown page \"%s\" (backends, manage, nodes, activity)\n", qPrintable(parser.value(o.page)));
            return 2;
        }
        window.showPage(*page);
    }
    // The tray (when the desktop has one): health at a glance, Show / Reconcile now / Quit, and
    // the opt-in notifications of failed ops and nodes going offline.
    ui::TrayNotifier tray(&host, &window, [&] {
        if (window.close())
            host.stop([&] { app.quit(); });
    });
    tray.setNotificationsEnabled(settings && settings->notificationsEnabled());
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&app, &QApplication::lastWindowClosed, &app, [&] { host.stop([&] { app.quit(); }); });
    QObject::connect(&window, &ui::MainWindow::settingsRequested, &window, [&] {
        ui::SettingsDialog dialog(&host, &window);
        dialog.exec();
    });
    QObject::connect(&window, &ui::MainWindow::profilesRequested, &window, [&] {
        ui::ProfilesDialog dialog(ConfigLoader::defaultGuiConfigPath(), &window);
        if (dialog.exec() == QDialog::Accepted)
            QMessageBox::information(&window, QObject::tr("Connection profiles"),
                                     QObject::tr("The new connection is used the next time Fleetdeck starts."));
    });
    // Demo from the connecting panel: the demo runs in a process of its own (it takes no
    // single-instance slot), this window closes.
    QObject::connect(&window, &ui::MainWindow::demoRequested, &window, [&] {
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--demo")})) {
            QMessageBox::warning(&window, QObject::tr("Fleetdeck"), QObject::tr("The demo could not be started."));
            return;
        }
        window.setConfirmQuit(false);
        window.close();
    });
    // Every change of what the indicator (and the connecting panel) says goes to the log.
    QObject::connect(&host, &EngineHost::connectionChanged, &window, [&window, last = QString()]() mutable {
        const QString line = window.connectionSummary();
        if (line == last)
            return;
        last = line;
        std::fprintf(stderr, "fleetdeck: connection: %s\n", qPrintable(line));
    });
    int exitCode = 0;
    QObject::connect(&host, &EngineHost::started, &window, [&](const Engine::StartError &e) {
        if (e.exitCode == 0)
            return;
        exitCode = e.exitCode;
        auto *box = new QMessageBox(QMessageBox::Critical, QObject::tr("Fleetdeck could not start"),
                                    QObject::tr("Connecting to %1 failed:\n%2").arg(host.storeDsn(), ui::reasonText(e.reason, e.message)),
                                    QMessageBox::Close, &window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    reportStartupPaints(&window, &host);
    // SIGTERM / SIGINT (a logout, `kill`): the same clean shutdown as closing the window, without
    // asking (the demo removes its directory).
    installTerminationSignals(&window, [&window](int) {
        window.setConfirmQuit(false);
        window.close();
    });
    window.show();
    host.start();

    const qint64 quitAfterMs = parser.isSet(o.quitAfter) ? qint64(parser.value(o.quitAfter).toDouble() * 1000)
                               : parser.isSet(o.screenshot) ? 8000
                                                            : -1;
    if (quitAfterMs >= 0) {
        window.setConfirmQuit(false);
        const QString shot = parser.value(o.screenshot);
        QTimer::singleShot(quitAfterMs, &window, [&, shot] {
            if (!shot.isEmpty()) {
                if (!window.grab().save(shot))
                    std::fprintf(stderr, "fleetdeck: cannot write screenshot %s\n", qPrintable(shot));
                else
                    std::fprintf(stderr, "fleetdeck: screenshot saved to %s\n", qPrintable(QDir(shot).absolutePath()));
            }
            window.close();
        });
    }
    const int rc = app.exec();
    return rc != 0 ? rc : exitCode;
}
